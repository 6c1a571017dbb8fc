package org.parley.sdk.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link SdkScheduler} for unit tests: tasks run on the test's thread when the test calls
 * {@link #runPending()} or {@link #advance(long)}; time moves only by {@link #advance}. Its
 * {@link #clock()} reads the same fake time.
 */
public final class FakeScheduler implements SdkScheduler {
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private final List<Timer> timers = new ArrayList<>();
  private final Instant epoch = Instant.parse("2026-01-01T10:00:00Z");
  private long nowMs;
  private long seq;

  private static final class Timer {
    final long due;
    final long order;
    final Runnable task;
    boolean cancelled;

    Timer(long due, long order, Runnable task) {
      this.due = due;
      this.order = order;
      this.task = task;
    }
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
  }

  @Override
  public Cancellable schedule(Runnable task, long delayMs) {
    Timer t = new Timer(nowMs + Math.max(0, delayMs), seq++, task);
    timers.add(t);
    return () -> t.cancelled = true;
  }

  /** The test thread stands for the event thread. */
  @Override
  public boolean inSchedulerThread() {
    return true;
  }

  /** Runs queued tasks (and what they queue) until none is left. */
  public void runPending() {
    Runnable r;
    while ((r = queue.poll()) != null) {
      r.run();
    }
  }

  /** Moves time forward by {@code ms}, running due timers in order, and queued tasks after each. */
  public void advance(long ms) {
    long target = nowMs + ms;
    runPending();
    while (true) {
      Timer next = timers.stream()
          .filter(t -> !t.cancelled && t.due <= target)
          .min(Comparator.<Timer>comparingLong(t -> t.due).thenComparingLong(t -> t.order))
          .orElse(null);
      if (next == null) {
        break;
      }
      timers.remove(next);
      nowMs = next.due;
      next.task.run();
      runPending();
    }
    nowMs = target;
    timers.removeIf(t -> t.cancelled);
  }

  /** Milliseconds since the fake epoch. */
  public long nowMs() {
    return nowMs;
  }

  /** Timers still waiting (not cancelled). */
  public long pendingTimers() {
    return timers.stream().filter(t -> !t.cancelled).count();
  }

  /** A clock reading the fake time. */
  public Clock clock() {
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
        return epoch.plusMillis(nowMs);
      }
    };
  }
}
