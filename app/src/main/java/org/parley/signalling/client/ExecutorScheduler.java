package org.parley.signalling.client;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: one daemon thread of a {@link ScheduledExecutorService}.
 * Whoever creates it must {@link #close()} it; tasks submitted afterwards are dropped.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ExecutorScheduler.class.getName());
  private final ScheduledThreadPoolExecutor executor;
  private volatile Thread thread;

  /** Starts a scheduler whose thread carries {@code threadName}. */
  public ExecutorScheduler(String threadName) {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = Executors.defaultThreadFactory().newThread(r);
              t.setName(threadName);
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
      LOG.log(System.Logger.Level.DEBUG, "scheduler closed, task dropped");
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

  /** True when called from this scheduler's own thread. */
  public boolean inSchedulerThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Stops the thread. From another thread: drops what is queued and waits up to {@code
   * timeoutMs} for a running task. From the scheduler's own thread: lets the tasks already queued
   * run, then the thread ends (it cannot wait for itself).
   */
  public void close(long timeoutMs) {
    if (inSchedulerThread()) {
      executor.shutdown();
    } else {
      executor.shutdownNow();
      try {
        executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    close(5_000);
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "signalling task failed", e);
      }
    };
  }
}
