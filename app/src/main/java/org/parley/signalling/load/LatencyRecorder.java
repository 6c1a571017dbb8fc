package org.parley.signalling.load;

import java.util.Arrays;

/**
 * Collects round-trip times (nanoseconds) from many threads and reports percentiles by the
 * nearest-rank method: the p-th percentile is the smallest sample with at least p % of the
 * samples at or below it. Keeps every sample (a load test records a few hundred thousand at
 * most), so the figures are exact.
 */
public final class LatencyRecorder {
  private long[] samples = new long[1024];
  private int count;

  /** Adds one sample; negative values are clamped to 0. */
  public synchronized void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[count++] = Math.max(0, nanos);
  }

  /** A consistent copy of what was recorded so far. */
  public synchronized Snapshot snapshot() {
    long[] copy = Arrays.copyOf(samples, count);
    Arrays.sort(copy);
    return new Snapshot(copy);
  }

  /** Sorted samples with percentile lookups; all values in nanoseconds. */
  public static final class Snapshot {
    private final long[] sorted;

    Snapshot(long[] sorted) {
      this.sorted = sorted;
    }

    public int count() {
      return sorted.length;
    }

    /** The nearest-rank percentile {@code p} in (0, 100]; 0 when empty. */
    public long percentile(double p) {
      if (p <= 0 || p > 100) {
        throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
      }
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(1, rank) - 1];
    }

    public long max() {
      return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** "p50 1.2 ms  p95 ...  max ..." in milliseconds, or "no samples". */
    public String format() {
      if (sorted.length == 0) {
        return "no samples";
      }
      return String.format(
          java.util.Locale.ROOT,
          "n=%d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms",
          count(), ms(percentile(50)), ms(percentile(95)), ms(percentile(99)), ms(max()));
    }

    private static double ms(long nanos) {
      return nanos / 1e6;
    }
  }
}
