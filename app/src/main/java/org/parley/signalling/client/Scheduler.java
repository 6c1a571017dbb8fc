package org.parley.signalling.client;

/**
 * The single thread a {@link SignallingClient} runs on: every state change, timer and listener
 * callback of one client goes through one scheduler, in order, never concurrently. Production
 * code uses {@link ExecutorScheduler}; tests use a fake whose time they advance by hand.
 *
 * <p>Implementations must run tasks one at a time in submission order (timers in due order) and
 * must not throw from {@link #execute} or {@link #schedule} after they were shut down: late tasks
 * are dropped silently.
 */
public interface Scheduler {
  /** Runs {@code task} soon on the scheduler's thread. */
  void execute(Runnable task);

  /** Runs {@code task} on the scheduler's thread after {@code delayMs}; the handle cancels it. */
  Cancellable schedule(Runnable task, long delayMs);

  /** A scheduled task that can be called off; cancelling twice or after it ran does nothing. */
  interface Cancellable {
    void cancel();
  }
}
