package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.sdk.call.NetworkQuality.BAD;
import static org.parley.sdk.call.NetworkQuality.EXCELLENT;
import static org.parley.sdk.call.NetworkQuality.GOOD;
import static org.parley.sdk.call.NetworkQuality.NORMAL;
import static org.parley.sdk.call.NetworkQuality.UNKNOWN;
import static org.parley.sdk.call.NetworkQuality.VERY_BAD;

import java.util.stream.Stream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sdk.call.NetworkQuality;

class QualityIndicatorTest {
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("both unknown", UNKNOWN, UNKNOWN, UNKNOWN, 0),
        Arguments.of("upload unknown", UNKNOWN, GOOD, GOOD, 3),
        Arguments.of("download unknown", NORMAL, UNKNOWN, NORMAL, 2),
        Arguments.of("both excellent", EXCELLENT, EXCELLENT, EXCELLENT, 4),
        Arguments.of("upload worse", BAD, EXCELLENT, BAD, 1),
        Arguments.of("download worse", GOOD, VERY_BAD, VERY_BAD, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void showsTheWorseDirection(String name, NetworkQuality up, NetworkQuality down, NetworkQuality shown, int bars) {
    assertEquals(shown, QualityIndicator.worse(up, down));
    assertEquals(bars, QualityIndicator.bars(shown));
  }

  @Test
  void tooltipInWords() throws Exception {
    String[] tip = new String[2];
    NetworkQuality[] shown = new NetworkQuality[1];
    SwingUtilities.invokeAndWait(() -> {
      QualityIndicator q = new QualityIndicator();
      tip[0] = q.getToolTipText();
      q.setQuality(EXCELLENT, BAD);
      tip[1] = q.getToolTipText();
      shown[0] = q.quality();
    });
    assertEquals("Network: not measured yet", tip[0]);
    assertEquals("Network: poor (upload excellent, download poor)", tip[1]);
    assertEquals(BAD, shown[0]);
  }
}
