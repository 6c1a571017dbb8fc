package org.parley.sdk.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quality levels from loss, RTT and jitter: the worst measure decides. */
class NetworkQualityTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "clean LAN,            0,   5,   2, EXCELLENT",
    "some RTT,             0, 150,   2, GOOD",
    "loss 5%,              5,  20,   2, NORMAL",
    "jitter 100,           0,  20, 100, BAD",
    "loss 30%,            30,  20,   2, VERY_BAD",
    "unknown RTT counts 0, 0,  -1,  -1, EXCELLENT",
    "RTT 1 s,              0, 1000,  2, VERY_BAD",
  })
  void levels(String name, double loss, long rtt, long jitter, NetworkQuality expected) {
    assertEquals(expected, NetworkQuality.of(loss, rtt, jitter), name);
  }
}
