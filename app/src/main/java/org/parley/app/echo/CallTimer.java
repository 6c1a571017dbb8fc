package org.parley.app.echo;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay: how the {@link EchoBot} ends calls that run too long.
 * Production: {@link #daemon()}, one daemon thread; tests pass a fake whose tasks they run by
 * hand. Tasks must return promptly.
 */
interface CallTimer extends AutoCloseable {
  /** Runs {@code task} after {@code delay}; the handle calls it off. */
  Cancellable schedule(Runnable task, Duration delay);

  /** Calls off every task not yet run; later schedules do nothing. */
  @Override
  void close();

  /** A scheduled task; cancelling twice, or after it ran, does nothing. */
  interface Cancellable {
    void cancel();
  }

  /** A timer on one daemon thread named {@code name}. */
  static CallTimer daemon(String name) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    return new CallTimer() {
      @Override
      public Cancellable schedule(Runnable task, Duration delay) {
        if (executor.isShutdown()) {
          return () -> {};
        }
        ScheduledFuture<?> f = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }
}
