package org.parley.app.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings of one {@code parley bench} run, as parsed from the command line: the fields of
 * the native {@code parley::BenchSettings} (same names, same defaults as parley.h) plus what
 * only the command uses (window, raw codec, output). Built by {@link BenchOptionsParser}, which
 * has already checked every value; callers only read it.
 */
public final class BenchOptions {
  /** What {@code --raw-codec} asks for. */
  public enum RawCodec {
    /** No raw codec run: the pipeline only. */
    NONE,
    /** The raw codec run first, then the pipeline, and the overhead ratio of the two. */
    THEN_PIPELINE,
    /** The raw codec run alone. */
    ONLY
  }

  // The native BenchSettings fields; defaults as in native/include/parley/parley.h.
  int width = 1280;
  int height = 720;
  int fps = 30;
  int bitrateKbps = 0;
  int startKbps = 1500;
  int minKbps = 100;
  int maxKbps = 2500;
  int encoderSpeed = -6;
  int encoderThreads = 1;
  double lossPercent = 0;
  double burstLength = 1;
  int delayMs = 0;
  int jitterMs = 0;
  double reorderPercent = 0;
  int capKbps = 0;
  double seconds = 10;
  /** Negative until set: then a quarter of the run, at most {@link #DEFAULT_WARMUP_SECONDS}. */
  double warmupSeconds = -1;
  long seed = 1;
  boolean audio = true;
  boolean twoWay = false;
  boolean srtp = true;
  int freezeThresholdMs = 150;
  int sampleIntervalMs = 250;

  // The command's own options.
  String scenario = "";
  boolean window = false;
  RawCodec rawCodec = RawCodec.NONE;
  boolean json = false;
  Path plotFile = null;
  boolean progress = true;
  boolean help = false;

  /** The native default warm-up, used when the run is long enough for it. */
  public static final double DEFAULT_WARMUP_SECONDS = 2;

  BenchOptions() {}

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int fps() {
    return fps;
  }

  /** The fixed video bitrate; 0 means rate control between {@link #minKbps} and {@link #maxKbps}. */
  public int bitrateKbps() {
    return bitrateKbps;
  }

  public int startKbps() {
    return startKbps;
  }

  public int minKbps() {
    return minKbps;
  }

  public int maxKbps() {
    return maxKbps;
  }

  public int encoderSpeed() {
    return encoderSpeed;
  }

  public int encoderThreads() {
    return encoderThreads;
  }

  public double lossPercent() {
    return lossPercent;
  }

  public double burstLength() {
    return burstLength;
  }

  public int delayMs() {
    return delayMs;
  }

  public int jitterMs() {
    return jitterMs;
  }

  public double reorderPercent() {
    return reorderPercent;
  }

  /** The bottleneck rate each direction; 0 means none. */
  public int capKbps() {
    return capKbps;
  }

  public double seconds() {
    return seconds;
  }

  /** The warm-up left out of the windowed figures; unless given, at most a quarter of the run. */
  public double warmupSeconds() {
    return warmupSeconds >= 0 ? warmupSeconds : Math.min(DEFAULT_WARMUP_SECONDS, seconds / 4);
  }

  public long seed() {
    return seed;
  }

  public boolean audio() {
    return audio;
  }

  public boolean twoWay() {
    return twoWay;
  }

  public boolean srtp() {
    return srtp;
  }

  public int freezeThresholdMs() {
    return freezeThresholdMs;
  }

  public int sampleIntervalMs() {
    return sampleIntervalMs;
  }

  /** The scenario named with {@code --scenario}, or "" for none. */
  public String scenario() {
    return scenario;
  }

  /** Whether to draw the received video in a window. */
  public boolean window() {
    return window;
  }

  public RawCodec rawCodec() {
    return rawCodec;
  }

  /** Whether to print one JSON object on stdout instead of the table. */
  public boolean json() {
    return json;
  }

  /** Where to save the latency/bitrate plot, if anywhere. */
  public Optional<Path> plotFile() {
    return Optional.ofNullable(plotFile);
  }

  /** Whether a progress line may be shown on stderr (it still is only for longer runs). */
  public boolean progress() {
    return progress;
  }

  /** Whether only the usage was asked for. */
  public boolean help() {
    return help;
  }

  /** Whether the pipeline (the real send and receive paths) runs at all. */
  public boolean runsPipeline() {
    return rawCodec != RawCodec.ONLY;
  }

  /** Whether the raw codec runs. */
  public boolean runsRawCodec() {
    return rawCodec != RawCodec.NONE;
  }
}
