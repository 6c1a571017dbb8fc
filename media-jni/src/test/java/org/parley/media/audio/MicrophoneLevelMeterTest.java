package org.parley.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The microphone level meter on the software stand-ins (no sound device needed). */
class MicrophoneLevelMeterTest {
  @Test
  void toneReadsHighAndClosedReadsZero() throws Exception {
    MicrophoneLevelMeter meter = MicrophoneLevelMeter.open("tone:440");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      int level = meter.level();
      while (level < 60 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        level = meter.level();
      }
      // 440 Hz at a quarter of full scale: -15 dBFS RMS, level 75.
      assertTrue(level >= 60 && level <= 100, "level " + level);
    } finally {
      meter.close();
    }
    assertEquals(0, meter.level());
    meter.close();
  }

  @Test
  void devicesThatCannotOpenThrowWithAPlainReason() {
    record Case(String name, String microphone) {}
    for (Case c :
        new Case[] {
          new Case("missing file", "wav:/nonexistent/parley-level.wav"),
          new Case("malformed tone", "tone:loud"),
          new Case("unknown device", "no-such-device-parley-test"),
        }) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> MicrophoneLevelMeter.open(c.microphone()), c.name());
      assertTrue(e.getMessage().contains("microphone"), c.name() + ": " + e.getMessage());
    }
  }
}
