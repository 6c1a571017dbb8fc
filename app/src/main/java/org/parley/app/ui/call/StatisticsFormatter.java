package org.parley.app.ui.call;

import java.awt.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.parley.sdk.call.MediaStats;

/**
 * Turns two successive {@link MediaStats} samples into the lines of the statistics panel.
 * Counters in {@link MediaStats} are totals, so rates (frame rate, bitrate, loss) come from the
 * difference of two samples over the time between them; the first sample shows "–" for rates.
 * Names in {@link MediaStats#all()} are the native ones ({@code videoBytesSent}...). Pure.
 */
final class StatisticsFormatter {
  /** One line: what and its value. */
  record Row(String label, String value) {}

  /** One set of figures and when it was taken. */
  record Sample(Instant at, MediaStats stats) {}

  static final String NONE = "–";

  private StatisticsFormatter() {}

  /**
   * The lines for {@code current}, with rates against {@code previous} (null for none).
   *
   * @param sent the size of the video we send, or null when unknown
   * @param received the size of the peer's video, or null when unknown
   */
  static List<Row> rows(Sample previous, Sample current, Dimension sent, Dimension received) {
    MediaStats s = current.stats();
    double seconds = previous == null
        ? 0
        : Duration.between(previous.at(), current.at()).toMillis() / 1000.0;
    MediaStats p = previous == null ? null : previous.stats();
    return List.of(
        new Row("Resolution sent", size(sent)),
        new Row("Resolution received", size(received)),
        new Row("Frame rate sent", rate(p, s, "framesEncoded", seconds, " fps")),
        new Row("Frame rate received", rate(p, s, "framesRendered", seconds, " fps")),
        new Row("Bitrate up", bitrate(p, s, seconds, "audioBytesSent", "videoBytesSent")),
        new Row("Bitrate down", bitrate(p, s, seconds, "audioBytesReceived", "videoBytesReceived")),
        new Row("Round trip", s.rttMs() < 0 ? NONE : s.rttMs() + " ms"),
        new Row("Packet loss", loss(p, s)),
        new Row("Audio buffer", delay(s, "audioDelayMs")),
        new Row("Video buffer", delay(s, "videoDelayMs")));
  }

  static String size(Dimension d) {
    return d == null || d.width <= 0 || d.height <= 0 ? NONE : d.width + " × " + d.height;
  }

  private static long get(MediaStats s, String name) {
    Long v = s.all().get(name);
    return v == null ? 0 : v;
  }

  private static String rate(MediaStats p, MediaStats s, String name, double seconds, String unit) {
    if (p == null || seconds <= 0) {
      return NONE;
    }
    double perSecond = Math.max(0, get(s, name) - get(p, name)) / seconds;
    return String.format(Locale.ROOT, "%.0f%s", perSecond, unit);
  }

  private static String bitrate(MediaStats p, MediaStats s, double seconds, String audio, String video) {
    if (p == null || seconds <= 0) {
      return NONE;
    }
    long bytes = Math.max(0, get(s, audio) + get(s, video) - get(p, audio) - get(p, video));
    return kbps(bytes * 8 / seconds);
  }

  /** Bits per second in words: "850 kbps", "1.2 Mbps". */
  static String kbps(double bitsPerSecond) {
    if (bitsPerSecond >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1f Mbps", bitsPerSecond / 1_000_000);
    }
    return String.format(Locale.ROOT, "%.0f kbps", bitsPerSecond / 1000);
  }

  /** Packets lost as a share of those expected, over the interval (or since the start). */
  private static String loss(MediaStats p, MediaStats s) {
    long lost = s.packetsLost() - (p == null ? 0 : p.packetsLost());
    long received = s.packetsReceived() - (p == null ? 0 : p.packetsReceived());
    if (lost < 0 || received < 0 || lost + received == 0) {
      lost = s.packetsLost();
      received = s.packetsReceived();
    }
    if (lost + received <= 0) {
      return NONE;
    }
    return String.format(Locale.ROOT, "%.1f %%", Math.max(0, lost) * 100.0 / (lost + received));
  }

  /** A jitter buffer's current delay ({@code key}: audioDelayMs or videoDelayMs). */
  private static String delay(MediaStats s, String key) {
    Long ms = s.all().get(key);
    return ms == null ? NONE : ms + " ms";
  }
}
