package org.parley.sdk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaOptionsBitrateTest {
  private static List<Integer> range(MediaOptions o) {
    return List.of(o.minBitrateKbps(), o.startBitrateKbps(), o.maxBitrateKbps());
  }

  @Test
  void aCapKeepsStartAndFloorWithinIt() {
    record Case(int cap, List<Integer> expected) {}
    for (Case c : List.of(
        new Case(0, List.of(50, 800, 2000)),
        new Case(2000, List.of(50, 800, 2000)),
        new Case(600, List.of(50, 600, 600)),
        new Case(300, List.of(50, 300, 300)),
        new Case(30, List.of(30, 30, 30)))) {
      assertEquals(c.expected(), range(new MediaOptions().maxBitrateKbps(c.cap())), "cap " + c.cap());
    }
  }

  @Test
  void automaticRestoresTheDefaultsAfterACap() {
    MediaOptions o = new MediaOptions().maxBitrateKbps(300);
    o.maxBitrateKbps(0);
    assertEquals(List.of(MediaOptions.DEFAULT_MIN_KBPS, MediaOptions.DEFAULT_START_KBPS,
        MediaOptions.DEFAULT_MAX_KBPS), range(o));
  }

  @Test
  void aNegativeCapIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MediaOptions().maxBitrateKbps(-1));
  }
}
