package org.parley.signalling.client;

import java.util.Random;

/**
 * Reconnect delays: exponential backoff with jitter. Attempt {@code n} (0-based) waits {@code
 * min(max, initial * multiplier^n)} scaled by a random factor in {@code [1 - jitter, 1 +
 * jitter]}, so that thousands of clients dropped together do not return in one burst.
 *
 * <p>Not thread-safe; the client uses it from its own thread only.
 */
public final class Backoff {
  private final long initialMs;
  private final double multiplier;
  private final long maxMs;
  private final double jitter;
  private final Random random;

  /**
   * @param initialMs first delay, &gt; 0
   * @param multiplier growth per attempt, &ge; 1
   * @param maxMs cap before jitter, &ge; initialMs
   * @param jitter fraction in [0, 1)
   * @param random source of the jitter (seeded in tests)
   */
  public Backoff(long initialMs, double multiplier, long maxMs, double jitter, Random random) {
    if (initialMs <= 0 || multiplier < 1 || maxMs < initialMs || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException(
          "bad backoff: initial=" + initialMs + " x" + multiplier + " max=" + maxMs
              + " jitter=" + jitter);
    }
    this.initialMs = initialMs;
    this.multiplier = multiplier;
    this.maxMs = maxMs;
    this.jitter = jitter;
    this.random = random;
  }

  /** The delay before attempt {@code attempt} (0 = the first retry), in milliseconds. */
  public long delayMs(int attempt) {
    double base = initialMs * Math.pow(multiplier, Math.max(0, Math.min(attempt, 62)));
    double capped = Math.min(base, maxMs);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Math.max(1, Math.round(capped * factor));
  }
}
