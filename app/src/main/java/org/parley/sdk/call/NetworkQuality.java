package org.parley.sdk.call;

/**
 * How good one direction of a call's network path is, from loss, round-trip time and jitter
 * (thresholds in the style of the ZEGO and Agora quality levels). {@link #UNKNOWN} until media
 * figures exist.
 */
public enum NetworkQuality {
  EXCELLENT,
  GOOD,
  NORMAL,
  BAD,
  VERY_BAD,
  UNKNOWN;

  private static final double[] LOSS_PERCENT = {1, 3, 8, 15};
  private static final long[] RTT_MS = {100, 200, 400, 800};
  private static final long[] JITTER_MS = {20, 40, 80, 150};

  /**
   * The level of a path: the worst of the three measures. A negative RTT or jitter means "not
   * known" and does not count.
   *
   * @param lossPercent packets lost over the last interval, 0..100
   */
  public static NetworkQuality of(double lossPercent, long rttMs, long jitterMs) {
    int level = Math.max(level(lossPercent, LOSS_PERCENT), rttMs < 0 ? 0 : level(rttMs, RTT_MS));
    level = Math.max(level, jitterMs < 0 ? 0 : level(jitterMs, JITTER_MS));
    return values()[level];
  }

  private static int level(double value, double[] bounds) {
    int i = 0;
    while (i < bounds.length && value >= bounds[i]) {
      i++;
    }
    return i;
  }

  private static int level(long value, long[] bounds) {
    int i = 0;
    while (i < bounds.length && value >= bounds[i]) {
      i++;
    }
    return i;
  }
}
