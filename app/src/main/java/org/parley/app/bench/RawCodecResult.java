package org.parley.app.bench;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * The result of a raw codec run (libvpx alone), read from the JSON of {@code
 * parley::runRawCodecBench()} (docs/bench.md). Extra fields are ignored; missing or -1 figures
 * read as {@link BenchResult#NOT_MEASURED}.
 */
public final class RawCodecResult {
  private static final Gson GSON = new Gson();

  double frames = BenchResult.NOT_MEASURED;
  double encodeP50Ms = BenchResult.NOT_MEASURED;
  double encodeP95Ms = BenchResult.NOT_MEASURED;
  double decodeP50Ms = BenchResult.NOT_MEASURED;
  double decodeP95Ms = BenchResult.NOT_MEASURED;
  double bitrateKbps = BenchResult.NOT_MEASURED;
  double codecCpuSeconds = BenchResult.NOT_MEASURED;
  double sourceCpuSeconds = BenchResult.NOT_MEASURED;
  double mediaSeconds = BenchResult.NOT_MEASURED;
  double cpuSecondsPerMediaSecond = BenchResult.NOT_MEASURED;

  private RawCodecResult() {}

  /**
   * Reads the native raw codec JSON.
   *
   * @throws IllegalArgumentException when {@code json} is empty or not a JSON object
   */
  public static RawCodecResult parse(String json) {
    RawCodecResult result;
    try {
      result = GSON.fromJson(json, RawCodecResult.class);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "the raw codec result is not valid JSON: " + e.getMessage(), e);
    }
    if (result == null) {
      throw new IllegalArgumentException("the raw codec result is empty");
    }
    return result;
  }

  /** CPU seconds (codec and test pattern) per second of media. */
  public double cpuSecondsPerMediaSecond() {
    return cpuSecondsPerMediaSecond;
  }
}
