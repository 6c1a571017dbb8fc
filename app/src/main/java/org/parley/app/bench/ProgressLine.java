package org.parley.app.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The one-line progress display of a running bench on stderr, rewritten in place with "\r"
 * from {@code BenchRun.progressJson()}. Only runs longer than {@link #MIN_SECONDS} show it.
 * A progress JSON it cannot read shows as "–" figures, never as an error. Call {@link #clear}
 * before printing anything else to the same stream.
 */
public final class ProgressLine {
  /** Runs up to this long finish before a progress line would help. */
  public static final double MIN_SECONDS = 3;

  private final PrintStream err;
  private final double totalSeconds;
  private int shownLength;

  /** A progress line on {@code err} for a run of {@code totalSeconds}. */
  public ProgressLine(PrintStream err, double totalSeconds) {
    this.err = err;
    this.totalSeconds = totalSeconds;
  }

  /** Whether a run with these options shows a progress line. */
  public static boolean wanted(BenchOptions options) {
    return options.progress() && options.seconds() > MIN_SECONDS;
  }

  /** Shows the figures of {@code progressJson}, replacing the line shown before. */
  public void update(String progressJson) {
    String line = format(progressJson, totalSeconds);
    StringBuilder s = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < shownLength; i++) {
      s.append(' ');
    }
    shownLength = line.length();
    err.print(s);
    err.flush();
  }

  /** Blanks the line and returns the cursor to its start, if anything was shown. */
  public void clear() {
    if (shownLength == 0) {
      return;
    }
    err.print("\r" + " ".repeat(shownLength) + "\r");
    err.flush();
    shownLength = 0;
  }

  /** The text of the line for one progress JSON object. */
  public static String format(String progressJson, double totalSeconds) {
    JsonObject o = parse(progressJson);
    double elapsed = figure(o, "elapsedSeconds");
    String percent =
        elapsed >= 0 && totalSeconds > 0
            ? String.format(Locale.ROOT, " (%d %%)",
                Math.min(100, Math.round(100 * elapsed / totalSeconds)))
            : "";
    return String.format(Locale.ROOT,
        "bench %s / %s s%s  rendered %s frames  latency p50 %s ms  bitrate %s kbps",
        BenchTable.num(elapsed, 1), BenchTable.num(totalSeconds, 1), percent,
        BenchTable.count(figure(o, "framesRendered")),
        BenchTable.num(figure(o, "latencyP50Ms"), 0),
        BenchTable.num(figure(o, "bitrateKbps"), 0));
  }

  private static JsonObject parse(String json) {
    try {
      JsonElement e = JsonParser.parseString(json == null ? "" : json);
      return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    } catch (RuntimeException e) { // malformed: show "–" figures rather than fail the run
      return new JsonObject();
    }
  }

  private static double figure(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return BenchResult.NOT_MEASURED;
    }
    return e.getAsDouble();
  }
}
