package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Dimension;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.sdk.call.MediaStats;

class StatisticsFormatterTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static MediaStats stats(long rtt, long received, long lost, Map<String, Long> all) {
    return new MediaStats(rtt, 0, received, lost, 5, 0, all.getOrDefault("framesRendered", 0L), all);
  }

  private static Map<String, Long> figures(long frames, long encoded, long bytesSentAudio, long bytesSentVideo,
      long bytesReceived) {
    Map<String, Long> m = new HashMap<>();
    m.put("framesRendered", frames);
    m.put("framesEncoded", encoded);
    m.put("audioBytesSent", bytesSentAudio);
    m.put("videoBytesSent", bytesSentVideo);
    m.put("audioBytesReceived", 0L);
    m.put("videoBytesReceived", bytesReceived);
    m.put("audioDelayMs", 60L);
    m.put("videoDelayMs", 20L);
    return m;
  }

  private static Map<String, String> asMap(List<StatisticsFormatter.Row> rows) {
    Map<String, String> m = new LinkedHashMap<>();
    for (StatisticsFormatter.Row r : rows) {
      m.put(r.label(), r.value());
    }
    return m;
  }

  @Test
  void firstSampleHasNoRates() {
    Map<String, String> rows = asMap(StatisticsFormatter.rows(null,
        new StatisticsFormatter.Sample(T0, stats(-1, 0, 0, Map.of())), null, new Dimension(320, 240)));
    assertEquals("–", rows.get("Resolution sent"));
    assertEquals("320 × 240", rows.get("Resolution received"));
    assertEquals("–", rows.get("Frame rate received"));
    assertEquals("–", rows.get("Bitrate up"));
    assertEquals("–", rows.get("Round trip"));
    assertEquals("–", rows.get("Packet loss"));
    assertEquals("–", rows.get("Audio buffer"));
    assertEquals("–", rows.get("Video buffer"));
  }

  @Test
  void ratesFromTwoSamples() {
    StatisticsFormatter.Sample a = new StatisticsFormatter.Sample(T0,
        stats(40, 1000, 0, figures(100, 110, 10_000, 90_000, 50_000)));
    // two seconds later: 60 frames drawn, 58 encoded, 125 000 bytes sent, 250 000 received, 10 of 200 lost
    StatisticsFormatter.Sample b = new StatisticsFormatter.Sample(T0.plusSeconds(2),
        stats(42, 1190, 10, figures(160, 168, 30_000, 195_000, 300_000)));
    Map<String, String> rows = asMap(StatisticsFormatter.rows(a, b, new Dimension(640, 480), new Dimension(320, 240)));
    assertEquals("640 × 480", rows.get("Resolution sent"));
    assertEquals("29 fps", rows.get("Frame rate sent"));
    assertEquals("30 fps", rows.get("Frame rate received"));
    assertEquals("500 kbps", rows.get("Bitrate up"));
    assertEquals("1.0 Mbps", rows.get("Bitrate down"));
    assertEquals("42 ms", rows.get("Round trip"));
    assertEquals("5.0 %", rows.get("Packet loss"));
    assertEquals("60 ms", rows.get("Audio buffer"));
    assertEquals("20 ms", rows.get("Video buffer"));
  }

  @Test
  void lossFallsBackToTotalsWhenNothingArrivedInTheInterval() {
    StatisticsFormatter.Sample a = new StatisticsFormatter.Sample(T0, stats(10, 99, 1, Map.of()));
    StatisticsFormatter.Sample b = new StatisticsFormatter.Sample(T0.plusSeconds(1), stats(10, 99, 1, Map.of()));
    assertEquals("1.0 %", asMap(StatisticsFormatter.rows(a, b, null, null)).get("Packet loss"));
  }

  @Test
  void bitrateWords() {
    assertEquals("0 kbps", StatisticsFormatter.kbps(0));
    assertEquals("850 kbps", StatisticsFormatter.kbps(850_000));
    assertEquals("1.2 Mbps", StatisticsFormatter.kbps(1_234_567));
  }
}
