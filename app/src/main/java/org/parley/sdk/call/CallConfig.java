package org.parley.sdk.call;

/**
 * Timers and limits of a {@link CallManager}. Immutable; {@link #defaults()} and the {@code with}
 * methods.
 *
 * @param ringTimeoutMs how long a call may ring before it ends as timed out (caller) or missed
 *     (callee); the server gives up at 65 s
 * @param connectTimeoutMs how long an answered call may take to start talking
 * @param byeGraceMs after the peer's RTCP BYE, how long to wait for its hang-up message before
 *     ending the call with {@link CallReason#NETWORK} (the BYE often outruns the signalling)
 * @param statsIntervalMs how often live calls' statistics and network quality are refreshed
 * @param maxCalls how many live calls at once (at most one of them video)
 */
public record CallConfig(
    long ringTimeoutMs, long connectTimeoutMs, long byeGraceMs, long statsIntervalMs, int maxCalls) {
  public CallConfig {
    if (ringTimeoutMs <= 0 || connectTimeoutMs <= 0 || byeGraceMs < 0 || statsIntervalMs <= 0) {
      throw new IllegalArgumentException("call timers must be positive");
    }
    if (maxCalls < 1) {
      throw new IllegalArgumentException("maxCalls must be at least 1");
    }
  }

  /** 60 s ring, 15 s connect, 2 s BYE grace, statistics every second, two calls. */
  public static CallConfig defaults() {
    return new CallConfig(60_000, 15_000, 2_000, 1_000, 2);
  }

  public CallConfig withRingTimeoutMs(long ms) {
    return new CallConfig(ms, connectTimeoutMs, byeGraceMs, statsIntervalMs, maxCalls);
  }

  public CallConfig withConnectTimeoutMs(long ms) {
    return new CallConfig(ringTimeoutMs, ms, byeGraceMs, statsIntervalMs, maxCalls);
  }

  public CallConfig withMaxCalls(int n) {
    return new CallConfig(ringTimeoutMs, connectTimeoutMs, byeGraceMs, statsIntervalMs, n);
  }
}
