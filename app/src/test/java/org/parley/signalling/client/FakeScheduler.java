package org.parley.signalling.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} for tests: nothing runs until the test calls {@link #runDue()} or {@link
 * #advance}; its {@link #clock()} shows the fake time. Single-threaded: use from the test thread.
 */
final class FakeScheduler implements Scheduler {
  private final List<Task> tasks = new ArrayList<>();
  private long now = 1_000_000;
  private long seq;

  private final class Task implements Cancellable {
    final long due;
    final long order = seq++;
    final Runnable body;
    boolean cancelled;

    Task(long due, Runnable body) {
      this.due = due;
      this.body = body;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(new Task(now, task));
  }

  @Override
  public Cancellable schedule(Runnable task, long delayMs) {
    Task t = new Task(now + Math.max(0, delayMs), task);
    tasks.add(t);
    return t;
  }

  long now() {
    return now;
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(now);
      }
    };
  }

  /** Runs every task due now, including those they add for now. */
  void runDue() {
    while (true) {
      Task next = tasks.stream()
          .filter(t -> t.due <= now)
          .min(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.order))
          .orElse(null);
      if (next == null) {
        return;
      }
      tasks.remove(next);
      if (!next.cancelled) {
        next.body.run();
      }
    }
  }

  /** Moves time forward by {@code ms}, running tasks at their due times in order. */
  void advance(long ms) {
    long end = now + ms;
    runDue();
    while (true) {
      long nextDue = tasks.stream().filter(t -> !t.cancelled).mapToLong(t -> t.due)
          .filter(d -> d <= end).min().orElse(Long.MAX_VALUE);
      if (nextDue == Long.MAX_VALUE) {
        break;
      }
      now = Math.max(now, nextDue);
      runDue();
    }
    now = end;
    runDue();
  }

  /** Number of live (not cancelled) tasks. */
  int pending() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }
}
