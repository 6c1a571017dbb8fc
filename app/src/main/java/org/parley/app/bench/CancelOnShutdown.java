package org.parley.app.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C handling for a bench run: while open, a shutdown hook cancels the run and then holds
 * the JVM until the caller has printed the results so far and closed this guard (at most {@code
 * graceMillis}, so a stuck run cannot keep the JVM from exiting). Open it right after the run
 * starts and close it after the last output; {@link #cancelled()} then says whether Ctrl-C
 * ended the run.
 */
public final class CancelOnShutdown implements AutoCloseable {
  private final ShutdownHooks hooks;
  private final Runnable cancel;
  private final long graceMillis;
  private final CountDownLatch printed = new CountDownLatch(1);
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Thread hook;

  private CancelOnShutdown(ShutdownHooks hooks, Runnable cancel, long graceMillis) {
    this.hooks = hooks;
    this.cancel = cancel;
    this.graceMillis = graceMillis;
    this.hook = new Thread(this::onShutdown, "parley-bench-cancel");
  }

  /** Registers the hook that runs {@code cancel} at shutdown. */
  public static CancelOnShutdown install(ShutdownHooks hooks, Runnable cancel, long graceMillis) {
    CancelOnShutdown guard = new CancelOnShutdown(hooks, cancel, graceMillis);
    hooks.add(guard.hook);
    return guard;
  }

  /** Whether the shutdown hook has cancelled the run. */
  public boolean cancelled() {
    return cancelled.get();
  }

  /** Unregisters the hook (if shutdown has not begun) and lets a running hook finish. */
  @Override
  public void close() {
    hooks.remove(hook);
    printed.countDown();
  }

  private void onShutdown() {
    cancelled.set(true);
    cancel.run();
    try {
      printed.await(graceMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
