package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {
  private static final String TWO_WAY =
      BenchTable.format(
          BenchResult.parse(Fixtures.read(Fixtures.TWO_WAY)),
          RawCodecResult.parse(Fixtures.read(Fixtures.RAW)));

  private static void assertRow(String table, String label, String value) {
    String row =
        table.lines()
            .filter(l -> l.trim().startsWith(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row '" + label + "' in:\n" + table));
    assertTrue(row.endsWith(value), "row '" + row + "' should end with '" + value + "'");
  }

  private static String section(String table, String title) {
    int start = table.indexOf("\n" + title + "\n");
    assertTrue(start >= 0, "no section " + title + " in:\n" + table);
    int end = table.indexOf("\n\n", start + 1);
    return end < 0 ? table.substring(start) : table.substring(start, end);
  }

  @Test
  void headerShowsTheSettings() {
    String header = TWO_WAY.substring(0, TWO_WAY.indexOf("\n\n"));
    for (String part :
        List.of("640x360 @ 30 fps", "rate control 100-2500 kbps (start 1500)", "speed -6",
            "loss 3.0 % (burst 1.0)", "delay 20 ms", "jitter 30 ms", "reorder 0.5 %",
            "cap none", "seed 42", "two-way", "audio on", "SRTP on", "measured over 18.0 s")) {
      assertTrue(header.contains(part), part + " missing from:\n" + header);
    }
    assertFalse(header.contains("did not complete"), header);
  }

  @Test
  void videoSectionShowsTheFigures() {
    String video = section(TWO_WAY, "Video (A's camera as B rendered it)");
    assertRow(video, "Latency p50 / p95 / p99 / max", "48.2 / 71.6 / 93.4 / 120.7 ms");
    assertRow(video, "Frames captured / encoded / sent", "541 / 539 / 538");
    assertRow(video, "Frames received / rendered", "533 / 527");
    assertRow(video, "Frames dropped / missing", "6 / 5");
    assertRow(video, "Rendered frame rate", "29.3 fps");
    assertRow(video, "Freezes", "3");
    assertRow(video, "Frozen time / share", "412 ms / 2.3 %");
    assertRow(video, "Encode p50 / p95", "3.41 / 6.87 ms");
    assertRow(video, "Decode p50 / p95", "1.12 / 2.05 ms");
    assertRow(video, "Achieved bitrate", "1388 kbps");
    assertRow(video, "Jitter-buffer delay", "36.5 ms");
  }

  @Test
  void reverseVideoHasItsOwnSection() {
    String reverse = section(TWO_WAY, "Reverse video (B's camera as A rendered it)");
    assertRow(reverse, "Latency p50 / p95 / p99 / max", "51.9 / 74.3 / 97.1 / 133.8 ms");
    assertRow(reverse, "Frames received / rendered", "536 / 531");
  }

  @Test
  void audioNetworkCpuAndMemory() {
    String audio = section(TWO_WAY, "Audio");
    assertRow(audio, "Concealed / share", "433 ms / 2.4 %");
    assertRow(audio, "Jitter-buffer delay mean / p95", "62.5 / 88.0 ms");
    String network = section(TWO_WAY, "Network and loss repair");
    assertRow(network, "Round-trip time", "41.7 ms");
    assertRow(network, "Packets sent / lost", "6123 / 187");
    assertRow(network, "NACKs / PLIs / retransmissions, A to B", "77 / 2 / 71");
    assertRow(network, "NACKs / PLIs / retransmissions, B to A", "64 / 1 / 60");
    String cpu = section(TWO_WAY, "CPU and memory (whole process)");
    assertRow(cpu, "CPU time", "27.90 s");
    assertRow(cpu, "CPU per second of media", "1.395 s/s");
    assertRow(cpu, "RSS start / peak / final", "100.0 / 183.0 / 176.0 MB");
  }

  @Test
  void rawCodecSectionAndOverheadRatio() {
    String raw = section(TWO_WAY, "Raw codec (libvpx alone, same frames)");
    assertRow(raw, "Frames", "600");
    assertRow(raw, "Encode p50 / p95", "2.91 / 5.42 ms");
    assertRow(raw, "CPU per second of media", "0.250 s/s");
    assertRow(raw, "Pipeline CPU over libvpx alone", "2.79 x");
  }

  @Test
  void partialOneWayRunShowsDashesAndNoAbsentSections() {
    String table = BenchTable.format(BenchResult.parse(Fixtures.read(Fixtures.ONE_WAY_PARTIAL)));
    assertTrue(table.contains("did not complete"), table);
    assertTrue(table.contains("fixed 400 kbps"), table);
    assertTrue(table.contains("cap 600 kbps"), table);
    assertRow(table, "Latency p50 / p95 / p99 / max", "– / – / – / – ms");
    assertRow(table, "Freezes", "–");
    assertRow(table, "Frames received / rendered", "50 / 0");
    assertRow(table, "Round-trip time", "– ms");
    assertFalse(table.contains("Reverse video"), table);
    assertFalse(table.contains("\nAudio\n"), table);
    assertFalse(table.contains("Raw codec"), table);
  }

  @Test
  void rawCodecAlone() {
    String table = BenchTable.formatRaw(RawCodecResult.parse(Fixtures.read(Fixtures.RAW)));
    assertRow(table, "Decode p50 / p95", "0.97 / 1.61 ms");
    assertRow(table, "Bitrate", "1450 kbps");
    assertRow(table, "CPU codec / test pattern", "2.10 / 0.40 s");
    assertFalse(table.contains("Pipeline CPU"), table);
  }

  @Test
  void figureFormatting() {
    assertEquals("–", BenchTable.num(-1, 1));
    assertEquals("–", BenchTable.num(Double.NaN, 1));
    assertEquals("0.0", BenchTable.num(0, 1));
    assertEquals("12", BenchTable.count(11.6));
    assertEquals("–", BenchTable.count(-1));
    assertEquals("2.5 %", BenchTable.percent(0.025));
    assertEquals("–", BenchTable.percent(-1));
  }
}
