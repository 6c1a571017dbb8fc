package org.parley.sdk.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.sdk.event.FakeScheduler;
import org.parley.sdk.media.MediaOptions;

/** MediaDevice.openMicrophoneLevel on the native core's software stand-ins. */
class MicrophoneLevelTest {
  private final MediaDevice device =
      new MediaDevice(kind -> List.of(), new FakeScheduler(), new MediaOptions(), MediaDevice.TEST_PATTERN, 3_000);

  @Test
  void aToneReadsHighAndAClosedMeterReadsZero() throws Exception {
    MicrophoneLevel meter = device.openMicrophoneLevel("tone:440");
    int level;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      level = meter.level();
      while (level < 60 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        level = meter.level();
      }
    } finally {
      meter.close();
    }
    assertTrue(level >= 60 && level <= 100, "a quarter-scale tone reads about 75: " + level);
    assertEquals(0, meter.level());
    meter.close();
  }

  @Test
  void aMicrophoneThatCannotOpenIsAnIllegalStateWithAPlainReason() {
    record Case(String name, String id) {}
    for (Case c : new Case[] {
        new Case("missing file", "wav:/nonexistent/parley-meter.wav"),
        new Case("unknown device", "no-such-microphone-parley-test")}) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> device.openMicrophoneLevel(c.id()), c.name());
      assertTrue(e.getMessage().contains("cannot be opened"), c.name() + ": " + e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> device.openMicrophoneLevel(null));
  }
}
