package org.parley.signalling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  /** A Random whose nextDouble is fixed, to pin the jitter factor. */
  private static final class FixedRandom extends Random {
    private static final long serialVersionUID = 1L;
    private final double value;

    FixedRandom(double value) {
      this.value = value;
    }

    @Override
    public double nextDouble() {
      return value;
    }
  }

  @Test
  void withoutJitterDoublesUpToTheCap() {
    Backoff b = new Backoff(500, 2, 8_000, 0.2, new FixedRandom(0.5)); // factor exactly 1
    long[] expected = {500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], b.delayMs(i), "attempt " + i);
    }
    assertEquals(8_000, b.delayMs(1_000), "huge attempt numbers stay capped");
  }

  @Test
  void jitterEdgesAreTwentyPercent() {
    assertEquals(400, new Backoff(500, 2, 8_000, 0.2, new FixedRandom(0.0)).delayMs(0));
    assertEquals(9_600, new Backoff(500, 2, 8_000, 0.2, new FixedRandom(1.0)).delayMs(10));
  }

  @Test
  void seededJitterStaysInsideTheBand() {
    Backoff b = new Backoff(500, 2, 8_000, 0.2, new Random(42));
    for (int i = 0; i < 200; i++) {
      long d = b.delayMs(i % 8);
      long base = Math.min(8_000, 500L << (i % 8));
      assertTrue(d >= base * 0.8 - 1 && d <= base * 1.2 + 1, "attempt " + i + ": " + d);
    }
  }

  @Test
  void rejectsNonsense() {
    Random r = new Random(1);
    assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 2, 10, 0.1, r));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 0.5, 10, 0.1, r));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 2, 5, 0.1, r));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 2, 50, 1.0, r));
  }
}
