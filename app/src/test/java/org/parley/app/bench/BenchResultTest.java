package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchResultTest {
  @Test
  void readsEverySectionAndIgnoresUnknownFields() {
    BenchResult r = BenchResult.parse(Fixtures.read(Fixtures.TWO_WAY));
    assertTrue(r.completed());
    assertTrue(r.error().isEmpty());
    assertTrue(r.twoWay());
    assertEquals(527, r.video.framesRendered);
    assertEquals(97.1, r.reverse.latencyP99Ms);
    assertEquals(0.0241, r.audio.concealedShare);
    assertEquals(41.7, r.network.rttMs);
    assertEquals(1.395, r.cpu.cpuSecondsPerMediaSecond);
    assertEquals(187392, r.memory.peakRssKb);
    assertEquals(4, r.timelineSize());
    assertEquals(-1, r.timeline.get(0).latencyMs);
    assertEquals(42, r.settings.seed);
  }

  @Test
  void missingFiguresAndSectionsAreNotMeasured() {
    BenchResult r = BenchResult.parse(Fixtures.read(Fixtures.ONE_WAY_PARTIAL));
    assertFalse(r.completed());
    assertFalse(r.twoWay());
    assertNull(r.reverse);
    assertNull(r.audio);
    assertEquals(BenchResult.NOT_MEASURED, r.video.freezes);
    assertEquals(BenchResult.NOT_MEASURED, r.video.latencyP50Ms);
    assertEquals(0, r.timelineSize());
  }

  @Test
  void anErrorIsReported() {
    BenchResult r = BenchResult.parse("{\"completed\":false,\"error\":\"no codec\"}");
    assertEquals("no codec", r.error().orElseThrow());
  }

  @Test
  void overheadRatioCountsBothDirectionsOfATwoWayRun() {
    BenchResult pipeline = BenchResult.parse(Fixtures.read(Fixtures.TWO_WAY));
    RawCodecResult raw = RawCodecResult.parse(Fixtures.read(Fixtures.RAW));
    // 1.395 / (0.25 * 2 directions)
    assertEquals(2.79, pipeline.overheadRatio(raw), 1e-9);
  }

  @Test
  void overheadRatioOfAOneWayRun() {
    BenchResult pipeline = BenchResult.parse(Fixtures.read(Fixtures.ONE_WAY_PARTIAL));
    RawCodecResult raw = RawCodecResult.parse(Fixtures.read(Fixtures.RAW));
    assertEquals(1.4, pipeline.overheadRatio(raw), 1e-9); // 0.35 / 0.25
  }

  @Test
  void overheadRatioIsNotMeasuredWithoutCpuFigures() {
    BenchResult pipeline = BenchResult.parse("{\"completed\":true}");
    RawCodecResult raw = RawCodecResult.parse(Fixtures.read(Fixtures.RAW));
    assertEquals(BenchResult.NOT_MEASURED, pipeline.overheadRatio(raw));
    BenchResult measured = BenchResult.parse(Fixtures.read(Fixtures.TWO_WAY));
    assertEquals(BenchResult.NOT_MEASURED,
        measured.overheadRatio(RawCodecResult.parse("{\"cpuSecondsPerMediaSecond\":0}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"video\": [", "[1,2]", "{\"completed\": {}}"})
  void badJsonIsAClearError(String json) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchResult.parse(json));
    assertTrue(e.getMessage().startsWith("the bench result is"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"frames\": [", "[1,2]", "{\"frames\": {}}"})
  void badRawJsonIsAClearError(String json) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RawCodecResult.parse(json));
    assertTrue(e.getMessage().startsWith("the raw codec result is"), e.getMessage());
  }
}
