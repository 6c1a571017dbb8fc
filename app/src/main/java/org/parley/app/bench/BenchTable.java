package org.parley.app.bench;

import java.util.Locale;

/**
 * Formats bench results as the readable text table of {@code parley bench}: a header with the
 * settings, then sections for video, reverse video (two-way), audio, network and loss repair,
 * CPU and memory, and the raw codec. Figures that were not measured print as "–". Pure text;
 * the caller prints it.
 */
public final class BenchTable {
  /** What a figure that was not measured prints as. */
  public static final String NOT_MEASURED = "–";

  private static final int LABEL_WIDTH = 40;

  private final StringBuilder text = new StringBuilder();

  private BenchTable() {}

  /** The table of a pipeline run alone. */
  public static String format(BenchResult result) {
    return format(result, null);
  }

  /** The table of a pipeline run and, when {@code raw} is not null, the raw codec run before it. */
  public static String format(BenchResult result, RawCodecResult raw) {
    BenchTable t = new BenchTable();
    t.header(result);
    if (result.video != null) {
      t.video("Video (A's camera as B rendered it)", result.video);
    }
    if (result.reverse != null) {
      t.video("Reverse video (B's camera as A rendered it)", result.reverse);
    }
    if (result.audio != null) {
      t.audio(result.audio);
    }
    t.network(result);
    t.cpuAndMemory(result);
    if (raw != null) {
      t.raw(raw);
      t.row("Pipeline CPU over libvpx alone", ratio(result.overheadRatio(raw)));
    }
    return t.text.toString();
  }

  /** The table of a raw codec run alone. */
  public static String formatRaw(RawCodecResult raw) {
    BenchTable t = new BenchTable();
    t.text.append("Parley bench: libvpx alone on the test-pattern frames\n");
    t.raw(raw);
    return t.text.toString();
  }

  private void header(BenchResult r) {
    BenchResult.Settings s = r.settings;
    if (s == null) {
      text.append("Parley bench: pipeline\n");
    } else {
      String rate =
          s.bitrateKbps > 0
              ? "fixed " + count(s.bitrateKbps) + " kbps"
              : "rate control " + count(s.minKbps) + "-" + count(s.maxKbps) + " kbps (start "
                  + count(s.startKbps) + ")";
      text.append(String.format(Locale.ROOT,
          "Parley bench: pipeline, %sx%s @ %s fps, %s, speed %d, %s encoder thread(s)\n",
          count(s.width), count(s.height), count(s.fps), rate, (long) s.encoderSpeed,
          count(s.encoderThreads)));
      text.append(String.format(Locale.ROOT,
          "  network: loss %s %% (burst %s), delay %s ms, jitter %s ms, reorder %s %%, cap %s;"
              + " seed %d\n",
          num(s.lossPercent, 1), num(s.burstLength, 1), count(s.delayMs), count(s.jitterMs),
          num(s.reorderPercent, 1), s.capKbps > 0 ? count(s.capKbps) + " kbps" : "none", s.seed));
      text.append(String.format(Locale.ROOT,
          "  %s, audio %s, SRTP %s; run %s s, warm-up %s s\n",
          s.twoWay ? "two-way" : "one-way", onOff(s.audio), onOff(s.srtp), num(s.seconds, 1),
          num(s.warmupSeconds, 1)));
    }
    text.append("  measured over ").append(num(r.measuredSeconds, 1)).append(" s");
    if (!r.completed) {
      text.append(" (run did not complete: the figures cover what ran)");
    }
    text.append('\n');
    r.error().ifPresent(e -> text.append("  error: ").append(e).append('\n'));
  }

  private void video(String title, BenchResult.Video v) {
    section(title);
    row("Latency p50 / p95 / p99 / max",
        join(v.latencyP50Ms, v.latencyP95Ms, v.latencyP99Ms, v.latencyMaxMs) + " ms");
    row("Frames captured / encoded / sent",
        counts(v.framesCaptured, v.framesEncoded, v.framesSent));
    row("Frames received / rendered", counts(v.framesReceived, v.framesRendered));
    row("Frames dropped / missing", counts(v.framesDropped, v.framesMissing));
    row("Rendered frame rate", num(v.renderedFps, 1) + " fps");
    row("Freezes", count(v.freezes));
    row("Frozen time / share", num(v.frozenMs, 0) + " ms / " + percent(v.frozenShare));
    row("Encode p50 / p95", times(v.encodeP50Ms, v.encodeP95Ms) + " ms");
    row("Decode p50 / p95", times(v.decodeP50Ms, v.decodeP95Ms) + " ms");
    row("Achieved bitrate", num(v.bitrateKbps, 0) + " kbps");
    row("Jitter-buffer delay", num(v.jitterBufferDelayMs, 1) + " ms");
    row("Keyframes", count(v.keyframes));
  }

  private void audio(BenchResult.Audio a) {
    section("Audio");
    row("Played", num(a.playedMs, 0) + " ms");
    row("Concealed / share", num(a.concealedMs, 0) + " ms / " + percent(a.concealedShare));
    row("Jitter-buffer delay mean / p95",
        join(a.jitterBufferDelayMs, a.jitterBufferDelayP95Ms) + " ms");
    row("Bitrate", num(a.bitrateKbps, 0) + " kbps");
  }

  private void network(BenchResult r) {
    section("Network and loss repair");
    if (r.network != null) {
      row("Round-trip time", num(r.network.rttMs, 1) + " ms");
      row("Packets sent / lost", counts(r.network.packetsSent, r.network.packetsLost));
    }
    repair("A to B", r.video);
    repair("B to A", r.reverse);
  }

  private void repair(String direction, BenchResult.Video v) {
    if (v == null) {
      return;
    }
    row("Video packets lost, " + direction, count(v.packetsLost));
    row("NACKs / PLIs / retransmissions, " + direction,
        counts(v.nacksSent, v.plisSent, v.retransmissions));
  }

  private void cpuAndMemory(BenchResult r) {
    section("CPU and memory (whole process)");
    if (r.cpu != null) {
      row("CPU time", num(r.cpu.cpuSeconds, 2) + " s");
      row("CPU per second of media", num(r.cpu.cpuSecondsPerMediaSecond, 3) + " s/s");
    }
    if (r.memory != null) {
      row("RSS start / peak / final",
          megabytes(r.memory.startRssKb) + " / " + megabytes(r.memory.peakRssKb) + " / "
              + megabytes(r.memory.finalRssKb) + " MB");
    }
  }

  private void raw(RawCodecResult raw) {
    section("Raw codec (libvpx alone, same frames)");
    row("Frames", count(raw.frames));
    row("Encode p50 / p95", times(raw.encodeP50Ms, raw.encodeP95Ms) + " ms");
    row("Decode p50 / p95", times(raw.decodeP50Ms, raw.decodeP95Ms) + " ms");
    row("Bitrate", num(raw.bitrateKbps, 0) + " kbps");
    row("CPU codec / test pattern",
        num(raw.codecCpuSeconds, 2) + " / " + num(raw.sourceCpuSeconds, 2) + " s");
    row("Media", num(raw.mediaSeconds, 1) + " s");
    row("CPU per second of media", num(raw.cpuSecondsPerMediaSecond, 3) + " s/s");
  }

  private void section(String title) {
    text.append('\n').append(title).append('\n');
  }

  private void row(String label, String value) {
    text.append("  ").append(label);
    for (int i = label.length(); i < LABEL_WIDTH; i++) {
      text.append(' ');
    }
    text.append(' ').append(value).append('\n');
  }

  /** A decimal figure, or "–" when not measured. */
  static String num(double v, int decimals) {
    if (v < 0 || Double.isNaN(v)) {
      return NOT_MEASURED;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A whole count, or "–" when not measured. */
  static String count(double v) {
    if (v < 0 || Double.isNaN(v)) {
      return NOT_MEASURED;
    }
    return Long.toString(Math.round(v));
  }

  /** A share 0..1 as a percentage, or "–". */
  static String percent(double share) {
    return share < 0 ? NOT_MEASURED : num(share * 100, 1) + " %";
  }

  private static String ratio(double r) {
    return r < 0 ? NOT_MEASURED : num(r, 2) + " x";
  }

  private static String megabytes(double kb) {
    return kb < 0 ? NOT_MEASURED : num(kb / 1024, 1);
  }

  private static String join(double... values) {
    return joinDecimals(1, values);
  }

  /** Codec times are often below a millisecond: two decimals. */
  private static String times(double... values) {
    return joinDecimals(2, values);
  }

  private static String joinDecimals(int decimals, double... values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : " / ").append(num(v, decimals));
    }
    return s.toString();
  }

  private static String counts(double... values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : " / ").append(count(v));
    }
    return s.toString();
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }
}
