package org.parley.signalling.client;

import java.util.concurrent.TimeUnit;

/**
 * Counts a client's transport connections that have not reported closing yet, so that {@code
 * close()} can wait until their threads are done. Thread-safe.
 */
final class LiveConnections {
  private int live;

  synchronized void opened() {
    live++;
  }

  synchronized void closed() {
    live--;
    notifyAll();
  }

  /** Waits up to {@code timeoutMs} for every connection to close; false on timeout. */
  synchronized boolean awaitNone(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (live > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
