package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressLineTest {
  @Test
  void formatsTheFigures() {
    assertEquals(
        "bench 4.5 / 10.0 s (45 %)  rendered 131 frames  latency p50 48 ms  bitrate 1204 kbps",
        ProgressLine.format(
            "{\"elapsedSeconds\":4.5,\"framesRendered\":131,\"latencyP50Ms\":47.6,"
                + "\"bitrateKbps\":1203.9,\"extra\":true}",
            10));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nothing rendered yet | {\"elapsedSeconds\":0.5,\"framesRendered\":0,\"latencyP50Ms\":-1,"
            + "\"bitrateKbps\":0} | bench 0.5 / 10.0 s (5 %)  rendered 0 frames  latency p50 – ms"
            + "  bitrate 0 kbps",
        "not json | garbage | bench – / 10.0 s  rendered – frames  latency p50 – ms"
            + "  bitrate – kbps",
        "empty | '' | bench – / 10.0 s  rendered – frames  latency p50 – ms  bitrate – kbps",
        "string figure | {\"elapsedSeconds\":\"x\"} | bench – / 10.0 s  rendered – frames"
            + "  latency p50 – ms  bitrate – kbps",
        "past the end | {\"elapsedSeconds\":10.4} | bench 10.4 / 10.0 s (100 %)  rendered –"
            + " frames  latency p50 – ms  bitrate – kbps"
      })
  void oddProgressNeverFails(String name, String json, String expected) {
    assertEquals(expected, ProgressLine.format(json, 10), name);
  }

  @Test
  void updatesInPlaceAndClears() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10);
    line.update("{\"elapsedSeconds\":10,\"framesRendered\":300}");
    String first = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(first.startsWith("\rbench 10.0 / 10.0 s"), first);
    bytes.reset();
    line.update("{\"elapsedSeconds\":1}");
    String second = bytes.toString(StandardCharsets.UTF_8);
    // The shorter line is padded so nothing of the longer one stays on screen.
    assertEquals(first.length(), second.length(), second);
    assertTrue(second.startsWith("\rbench 1.0 / 10.0 s"), second);
    bytes.reset();
    line.clear();
    String cleared = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(cleared.matches("\r +\r"), cleared);
    bytes.reset();
    line.clear();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "a second clear prints nothing");
  }

  @Test
  void onlyLongerRunsWantIt() throws BenchOptionException {
    assertTrue(ProgressLine.wanted(BenchOptionsParser.parse(List.of())));
    assertFalse(ProgressLine.wanted(BenchOptionsParser.parse(List.of("--seconds", "2"))));
    assertFalse(ProgressLine.wanted(BenchOptionsParser.parse(List.of("--no-progress"))));
  }
}
