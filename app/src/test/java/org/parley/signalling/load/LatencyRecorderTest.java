package org.parley.signalling.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LatencyRecorderTest {
  static Stream<Arguments> cases() {
    // name, samples (any order), percentile, expected (nearest rank)
    return Stream.of(
        Arguments.of("empty", new long[] {}, 50.0, 0L),
        Arguments.of("single", new long[] {7}, 99.0, 7L),
        Arguments.of("median of 1..10", range(10), 50.0, 5L),
        Arguments.of("p95 of 1..100", range(100), 95.0, 95L),
        Arguments.of("p99 of 1..1000", range(1000), 99.0, 990L),
        Arguments.of("p100 is max", range(37), 100.0, 37L),
        Arguments.of("unsorted input", new long[] {9, 1, 5, 3, 7}, 50.0, 5L),
        Arguments.of("negative clamped", new long[] {-5, 2}, 50.0, 0L),
        Arguments.of("growth past 1024", range(5000), 50.0, 2500L));
  }

  private static long[] range(int n) {
    long[] r = new long[n];
    for (int i = 0; i < n; i++) {
      r[n - 1 - i] = i + 1; // reversed, so sorting matters
    }
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void percentile(String name, long[] samples, double p, long expected) {
    LatencyRecorder rec = new LatencyRecorder();
    for (long s : samples) {
      rec.record(s);
    }
    assertEquals(expected, rec.snapshot().percentile(p), name);
    assertEquals(samples.length, rec.snapshot().count());
  }

  @ParameterizedTest(name = "bad percentile {0}")
  @org.junit.jupiter.params.provider.ValueSource(doubles = {0.0, -1.0, 100.5})
  void rejectsBadPercentile(double p) {
    LatencyRecorder rec = new LatencyRecorder();
    rec.record(1);
    assertThrows(IllegalArgumentException.class, () -> rec.snapshot().percentile(p));
  }
}
