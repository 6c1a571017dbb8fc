package org.parley.app.bench;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of one pipeline run, read from the JSON that {@code parley::BenchRun::resultJson()}
 * writes (docs/bench.md). Extra fields are ignored; a missing number reads as {@link
 * #NOT_MEASURED}, as does the native -1; a missing section ("reverse" without two-way, "audio"
 * without audio) reads as absent. Callers must treat every figure as possibly not measured.
 */
public final class BenchResult {
  /** The value of a figure that was not measured. */
  public static final double NOT_MEASURED = -1;

  private static final Gson GSON = new Gson();

  /** The settings the native run used (the fields the table shows). */
  static final class Settings {
    double width = NOT_MEASURED;
    double height = NOT_MEASURED;
    double fps = NOT_MEASURED;
    double bitrateKbps = NOT_MEASURED;
    double startKbps = NOT_MEASURED;
    double minKbps = NOT_MEASURED;
    double maxKbps = NOT_MEASURED;
    double encoderSpeed = 0;
    double encoderThreads = NOT_MEASURED;
    double lossPercent = NOT_MEASURED;
    double burstLength = NOT_MEASURED;
    double delayMs = NOT_MEASURED;
    double jitterMs = NOT_MEASURED;
    double reorderPercent = NOT_MEASURED;
    double capKbps = NOT_MEASURED;
    double seconds = NOT_MEASURED;
    double warmupSeconds = NOT_MEASURED;
    long seed = 0;
    boolean audio;
    boolean twoWay;
    boolean srtp;
  }

  /** One direction of video: a camera as the far side rendered it. */
  static final class Video {
    double framesCaptured = NOT_MEASURED;
    double framesEncoded = NOT_MEASURED;
    double framesSent = NOT_MEASURED;
    double framesReceived = NOT_MEASURED;
    double framesRendered = NOT_MEASURED;
    double framesDropped = NOT_MEASURED;
    double framesMissing = NOT_MEASURED;
    double renderedFps = NOT_MEASURED;
    double latencyP50Ms = NOT_MEASURED;
    double latencyP95Ms = NOT_MEASURED;
    double latencyP99Ms = NOT_MEASURED;
    double latencyMaxMs = NOT_MEASURED;
    double freezes = NOT_MEASURED;
    double frozenMs = NOT_MEASURED;
    double frozenShare = NOT_MEASURED;
    double encodeP50Ms = NOT_MEASURED;
    double encodeP95Ms = NOT_MEASURED;
    double decodeP50Ms = NOT_MEASURED;
    double decodeP95Ms = NOT_MEASURED;
    double bitrateKbps = NOT_MEASURED;
    double jitterBufferDelayMs = NOT_MEASURED;
    double nacksSent = NOT_MEASURED;
    double plisSent = NOT_MEASURED;
    double retransmissions = NOT_MEASURED;
    double keyframes = NOT_MEASURED;
    double packetsLost = NOT_MEASURED;
  }

  /** The audio the far side played. */
  static final class Audio {
    double playedMs = NOT_MEASURED;
    double concealedMs = NOT_MEASURED;
    double concealedShare = NOT_MEASURED;
    double jitterBufferDelayMs = NOT_MEASURED;
    double jitterBufferDelayP95Ms = NOT_MEASURED;
    double bitrateKbps = NOT_MEASURED;
  }

  /** The whole simulated link. */
  static final class Network {
    double rttMs = NOT_MEASURED;
    double packetsSent = NOT_MEASURED;
    double packetsLost = NOT_MEASURED;
  }

  /** CPU of the whole process. */
  static final class Cpu {
    double cpuSeconds = NOT_MEASURED;
    double cpuSecondsPerMediaSecond = NOT_MEASURED;
  }

  /** Resident set size of the process. */
  static final class Memory {
    double startRssKb = NOT_MEASURED;
    double peakRssKb = NOT_MEASURED;
    double finalRssKb = NOT_MEASURED;
  }

  /** One timeline sample, {@code t} seconds into the run. */
  static final class Sample {
    double t = NOT_MEASURED;
    double latencyMs = NOT_MEASURED;
    double bitrateKbps = NOT_MEASURED;
    double targetKbps = NOT_MEASURED;
    double fps = NOT_MEASURED;
    double rssKb = NOT_MEASURED;
  }

  String mode = "";
  boolean completed;
  String error = "";
  Settings settings;
  double measuredSeconds = NOT_MEASURED;
  Video video;
  Video reverse;
  Audio audio;
  Network network;
  Cpu cpu;
  Memory memory;
  List<Sample> timeline = new ArrayList<>();

  private BenchResult() {}

  /**
   * Reads the native result JSON.
   *
   * @throws IllegalArgumentException when {@code json} is empty or not a JSON object
   */
  public static BenchResult parse(String json) {
    BenchResult result;
    try {
      result = GSON.fromJson(json, BenchResult.class);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the bench result is not valid JSON: " + e.getMessage(), e);
    }
    if (result == null) {
      throw new IllegalArgumentException("the bench result is empty");
    }
    if (result.timeline == null) {
      result.timeline = new ArrayList<>();
    }
    result.timeline.removeIf(s -> s == null);
    if (result.error == null) {
      result.error = "";
    }
    return result;
  }

  /** Whether the run went to its end (false: cancelled or failed; figures cover what ran). */
  public boolean completed() {
    return completed;
  }

  /** Why the run could not start or broke, if it did. */
  public Optional<String> error() {
    return error.isBlank() ? Optional.empty() : Optional.of(error);
  }

  /** Whether the far side sent video back (two-way). */
  public boolean twoWay() {
    return (settings != null && settings.twoWay) || reverse != null;
  }

  /** The number of timeline samples. */
  public int timelineSize() {
    return timeline.size();
  }

  /**
   * The pipeline's CPU overhead over libvpx alone (docs/bench.md): the pipeline's CPU seconds per
   * media second over the raw run's, times the number of video directions; {@link
   * #NOT_MEASURED} when either side was not measured.
   */
  public double overheadRatio(RawCodecResult raw) {
    double pipeline = cpu == null ? NOT_MEASURED : cpu.cpuSecondsPerMediaSecond;
    double codec = raw.cpuSecondsPerMediaSecond * (twoWay() ? 2 : 1);
    if (pipeline <= 0 || codec <= 0) {
      return NOT_MEASURED;
    }
    return pipeline / codec;
  }
}
