package org.parley.signalling.server;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket rate limiter: {@code ratePerSecond} tokens flow in continuously up to
 * {@code burst}; each message takes one. Time comes from the caller (the injected clock), so
 * it never reads a clock itself. Not thread-safe (the server core is single-threaded).
 */
final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private Instant last;

  TokenBucket(double ratePerSecond, int burst, Instant now) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token if there is one at {@code now}. */
  boolean tryTake(Instant now) {
    if (now.isAfter(last)) {
      long nanos = saturatedNanos(Duration.between(last, now));
      tokens = Math.min(burst, tokens + nanos * ratePerNano);
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
