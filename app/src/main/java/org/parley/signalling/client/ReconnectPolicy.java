package org.parley.signalling.client;

/**
 * When to try connecting again: {@link Backoff} delays from the start of a failing streak, cut
 * short so the last attempt falls on the give-up time, and then no more. Used on the client's
 * thread only.
 */
final class ReconnectPolicy {
  private final SignallingClientConfig config;
  private Backoff backoff;
  private long failingSince;
  private int attempt;

  ReconnectPolicy(SignallingClientConfig config) {
    this.config = config;
    this.backoff = config.newBackoff();
  }

  /** A failing streak starts at {@code nowMs} (connect, or a drop after being logged in). */
  void startFailing(long nowMs) {
    failingSince = nowMs;
    attempt = 0;
    backoff = config.newBackoff();
  }

  /** How long the current streak has lasted. */
  long failingFor(long nowMs) {
    return nowMs - failingSince;
  }

  /** The wait before the next attempt, or -1 when the give-up time has been reached. */
  long nextDelayMs(long nowMs) {
    long failing = failingFor(nowMs);
    if (failing >= config.giveUpMs()) {
      return -1;
    }
    return Math.min(backoff.delayMs(attempt++), config.giveUpMs() - failing);
  }
}
