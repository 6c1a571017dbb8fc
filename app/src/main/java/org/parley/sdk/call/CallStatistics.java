package org.parley.sdk.call;

import org.parley.sdk.event.SdkScheduler;

/**
 * Polls the statistics of every talking call with media every {@link
 * CallConfig#statsIntervalMs()}, turns them into network quality per direction ({@link
 * QualityMeter}) and puts both into the call's snapshot (reported as an update). The poll runs
 * while at least one call talks and stops by itself otherwise; {@link #ensureRunning()} restarts
 * it when a call starts talking. Used on the SDK event thread only.
 */
final class CallStatistics {
  private final CallBook book;
  private final SdkScheduler scheduler;
  private final long intervalMs;
  private SdkScheduler.Cancellable timer;

  CallStatistics(CallBook book, SdkScheduler scheduler, long intervalMs) {
    this.book = book;
    this.scheduler = scheduler;
    this.intervalMs = intervalMs;
  }

  /** Schedules the next poll unless one is pending or the manager is closed. */
  void ensureRunning() {
    if (timer == null && !book.isClosed()) {
      timer = scheduler.schedule(this::poll, intervalMs);
    }
  }

  /** Calls off the pending poll (on close). */
  void stop() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private void poll() {
    timer = null;
    boolean any = false;
    for (CallRecord c : book.records()) {
      if (c.item.state() != CallState.TALKING || c.media == null) {
        continue;
      }
      any = true;
      MediaStats stats;
      try {
        stats = c.media.statistics();
      } catch (RuntimeException e) {
        continue;
      }
      NetworkQuality[] q = c.quality.update(stats);
      book.update(c, c.item.toBuilder().statistics(stats).uploadQuality(q[0]).downloadQuality(q[1]).build());
    }
    if (any) {
      ensureRunning();
    }
  }
}
