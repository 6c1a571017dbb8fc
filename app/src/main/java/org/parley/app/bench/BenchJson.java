package org.parley.app.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The machine output of {@code parley bench --json}: one JSON object on one line. A pipeline run
 * alone prints the native result object as it is; a raw codec run alone the native raw object;
 * both together the pipeline object with two more fields, {@code "rawCodec"} (the raw object)
 * and {@code "overheadRatio"} (see docs/bench.md; -1 when not measured).
 */
public final class BenchJson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private BenchJson() {}

  /**
   * The output for the native JSON of the runs made; {@code rawJson} or {@code pipelineJson} may
   * be null when that run was not made, not both.
   *
   * @throws IllegalArgumentException when a given JSON text is not a JSON object
   */
  public static String output(String pipelineJson, String rawJson) {
    if (pipelineJson == null) {
      return GSON.toJson(object(rawJson, "raw codec"));
    }
    JsonObject pipeline = object(pipelineJson, "bench");
    if (rawJson != null) {
      pipeline.add("rawCodec", object(rawJson, "raw codec"));
      double ratio = BenchResult.parse(pipelineJson).overheadRatio(RawCodecResult.parse(rawJson));
      pipeline.addProperty("overheadRatio", ratio);
    }
    return GSON.toJson(pipeline);
  }

  private static JsonObject object(String json, String what) {
    JsonElement element;
    try {
      element = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "the " + what + " result is not valid JSON: " + e.getMessage(), e);
    }
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("the " + what + " result is not a JSON object");
    }
    return element.getAsJsonObject();
  }
}
