package org.parley.sdk.event;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link SdkScheduler}: one daemon thread that runs SDK state changes, timers and
 * every callback to the application. Callbacks therefore never run on a native media thread, a
 * WebSocket thread or the Swing thread; a UI hands them over with {@code
 * SwingUtilities.invokeLater}. A task that throws is logged and does not stop the thread.
 * Whoever creates it must {@link #close()} it; tasks submitted afterwards are dropped.
 */
public final class SdkEventThread implements SdkScheduler, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SdkEventThread.class.getName());
  private final ScheduledThreadPoolExecutor executor;
  private volatile Thread thread;

  /** Starts the thread, named {@code name}. */
  public SdkEventThread(String name) {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = Executors.defaultThreadFactory().newThread(r);
              t.setName(name);
              t.setDaemon(true);
              thread = t;
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      LOG.log(System.Logger.Level.DEBUG, "SDK event thread closed, task dropped");
    }
  }

  @Override
  public Cancellable schedule(Runnable task, long delayMs) {
    try {
      ScheduledFuture<?> f =
          executor.schedule(guarded(task), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> {};
    }
  }

  @Override
  public boolean inSchedulerThread() {
    return Thread.currentThread() == thread;
  }

  /** Stops the thread; waits up to 5 s for a running task unless called from the thread itself. */
  @Override
  public void close() {
    executor.shutdownNow();
    if (!inSchedulerThread()) {
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "SDK task failed", e);
      }
    };
  }
}
