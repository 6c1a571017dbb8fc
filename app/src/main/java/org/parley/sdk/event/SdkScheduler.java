package org.parley.sdk.event;

/**
 * The one thread the SDK runs its state and callbacks on. Every state change, timer and
 * callback of one SDK instance goes through one scheduler, in order, never concurrently.
 * Production code uses {@link SdkEventThread}; unit tests use a fake whose time they advance by
 * hand.
 *
 * <p>Implementations run tasks one at a time in submission order (timers in due order) and drop
 * tasks quietly once shut down.
 */
public interface SdkScheduler {
  /** Runs {@code task} soon on the scheduler's thread. */
  void execute(Runnable task);

  /** Runs {@code task} on the scheduler's thread after {@code delayMs}; the handle cancels it. */
  Cancellable schedule(Runnable task, long delayMs);

  /** True when the caller is running on the scheduler's thread. */
  boolean inSchedulerThread();

  /** A scheduled task that can be called off; cancelling twice or after it ran does nothing. */
  interface Cancellable {
    void cancel();
  }
}
