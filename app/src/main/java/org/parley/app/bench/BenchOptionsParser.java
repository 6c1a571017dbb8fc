package org.parley.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the arguments of {@code parley bench} into {@link BenchOptions}. Options take their
 * value as the next argument or after "=" ({@code --fps 15}, {@code --fps=15}); a later option
 * overrides an earlier one; {@code --scenario} sets defaults that every explicit option
 * overrides, wherever it stands. Every bad argument raises {@link BenchOptionException} with a
 * message naming it; nothing is half-applied.
 */
public final class BenchOptionsParser {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");
  private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,9}(\\.\\d{1,9})?");

  /** Sets one option from its value (null for a flag). */
  private interface Setter {
    void set(BenchOptions options, String value) throws BenchOptionException;
  }

  private record Spec(boolean takesValue, Setter setter) {}

  private record Given(String name, Spec spec, String value) {}

  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    value("--size", (o, v) -> size(o, v));
    value("--width", (o, v) -> o.width = whole("--width", v, 16, 8192));
    value("--height", (o, v) -> o.height = whole("--height", v, 16, 8192));
    value("--fps", (o, v) -> o.fps = whole("--fps", v, 1, 120));
    value("--bitrate", (o, v) -> o.bitrateKbps = whole("--bitrate", v, 10, 100_000));
    value("--start-kbps", (o, v) -> o.startKbps = whole("--start-kbps", v, 10, 100_000));
    value("--min-kbps", (o, v) -> o.minKbps = whole("--min-kbps", v, 10, 100_000));
    value("--max-kbps", (o, v) -> o.maxKbps = whole("--max-kbps", v, 10, 100_000));
    value("--speed", (o, v) -> o.encoderSpeed = whole("--speed", v, -16, 16));
    value("--threads", (o, v) -> o.encoderThreads = whole("--threads", v, 1, 64));
    value("--loss", (o, v) -> o.lossPercent = decimal("--loss", v, 0, 100));
    value("--burst", (o, v) -> o.burstLength = decimal("--burst", v, 1, 1000));
    value("--delay", (o, v) -> o.delayMs = whole("--delay", v, 0, 10_000));
    value("--jitter", (o, v) -> o.jitterMs = whole("--jitter", v, 0, 10_000));
    value("--reorder", (o, v) -> o.reorderPercent = decimal("--reorder", v, 0, 100));
    value("--cap", (o, v) -> o.capKbps = whole("--cap", v, 0, 1_000_000));
    value("--seconds", (o, v) -> o.seconds = decimal("--seconds", v, 1, 86_400));
    value("--warmup", (o, v) -> o.warmupSeconds = decimal("--warmup", v, 0, 86_400));
    value("--seed", (o, v) -> o.seed = wholeLong("--seed", v));
    value("--audio", (o, v) -> o.audio = onOff("--audio", v));
    value("--srtp", (o, v) -> o.srtp = onOff("--srtp", v));
    value("--freeze-ms", (o, v) -> o.freezeThresholdMs = whole("--freeze-ms", v, 1, 10_000));
    value("--sample-ms", (o, v) -> o.sampleIntervalMs = whole("--sample-ms", v, 10, 10_000));
    value("--scenario", (o, v) -> {}); // applied first, see parse
    value("--plot", (o, v) -> o.plotFile = plotFile(v));
    flag("--two-way", o -> o.twoWay = true);
    flag("--one-way", o -> o.twoWay = false);
    flag("--window", o -> o.window = true);
    flag("--json", o -> o.json = true);
    flag("--no-progress", o -> o.progress = false);
    flag("--help", o -> o.help = true);
    SPECS.put("--raw-codec", new Spec(false, (o, v) -> o.rawCodec = rawCodec(v)));
  }

  private BenchOptionsParser() {}

  /** Parses {@code args} (the words after "bench"). */
  public static BenchOptions parse(List<String> args) throws BenchOptionException {
    List<Given> given = split(args);
    BenchOptions options = new BenchOptions();
    for (Given g : given) {
      if (g.name().equals("--scenario")) {
        Scenario.byName(g.value())
            .orElseThrow(
                () ->
                    new BenchOptionException(
                        "--scenario: expected one of " + Scenario.names() + ", got '"
                            + g.value() + "'"))
            .applyTo(options);
      }
    }
    for (Given g : given) {
      g.spec().setter().set(options, g.value());
    }
    checkTogether(options, given);
    return options;
  }

  /** Splits the arguments into known options with their values. */
  private static List<Given> split(List<String> args) throws BenchOptionException {
    List<Given> given = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-h")) {
        arg = "--help";
      }
      if (!arg.startsWith("--")) {
        throw new BenchOptionException("unexpected argument '" + arg + "' (options start with --)");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? null : arg.substring(eq + 1);
      Spec spec = SPECS.get(name);
      if (spec == null) {
        throw new BenchOptionException("unknown option '" + name + "' (see --help)");
      }
      if (spec.takesValue() && value == null) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new BenchOptionException(name + " needs a value");
        }
        value = args.get(++i);
      } else if (!spec.takesValue() && value != null && !name.equals("--raw-codec")) {
        throw new BenchOptionException(name + " takes no value");
      }
      given.add(new Given(name, spec, value));
    }
    return given;
  }

  /** Checks what single options cannot: ranges that depend on each other. */
  private static void checkTogether(BenchOptions o, List<Given> given)
      throws BenchOptionException {
    boolean rateControl =
        given.stream()
            .anyMatch(
                g -> List.of("--start-kbps", "--min-kbps", "--max-kbps").contains(g.name()));
    if (o.bitrateKbps > 0 && rateControl) {
      throw new BenchOptionException(
          "--bitrate sets a fixed bitrate; it cannot be combined with"
              + " --min-kbps/--start-kbps/--max-kbps (rate control)");
    }
    if (o.minKbps > o.maxKbps) {
      throw new BenchOptionException(
          "--min-kbps (" + o.minKbps + ") is above --max-kbps (" + o.maxKbps + ")");
    }
    if (o.startKbps < o.minKbps || o.startKbps > o.maxKbps) {
      throw new BenchOptionException(
          "--start-kbps (" + o.startKbps + ") must lie within --min-kbps (" + o.minKbps
              + ") and --max-kbps (" + o.maxKbps + ")");
    }
    if (o.warmupSeconds >= o.seconds) {
      throw new BenchOptionException(
          "--warmup (" + o.warmupSeconds + " s) must be shorter than --seconds ("
              + o.seconds + " s)");
    }
    if (o.sampleIntervalMs > o.seconds * 1000) {
      throw new BenchOptionException("--sample-ms is longer than the run (--seconds)");
    }
    if (!o.runsPipeline() && (o.window || o.plotFile != null)) {
      throw new BenchOptionException(
          "--raw-codec=only runs no pipeline: --window and --plot need one");
    }
  }

  private static void value(String name, Setter setter) {
    SPECS.put(name, new Spec(true, setter));
  }

  private static void flag(String name, java.util.function.Consumer<BenchOptions> setter) {
    SPECS.put(name, new Spec(false, (o, v) -> setter.accept(o)));
  }

  private static void size(BenchOptions o, String value) throws BenchOptionException {
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new BenchOptionException("--size: expected WIDTHxHEIGHT like 1280x720, got '"
          + value + "'");
    }
    o.width = whole("--size width", m.group(1), 16, 8192);
    o.height = whole("--size height", m.group(2), 16, 8192);
  }

  static int whole(String name, String value, int min, int max) throws BenchOptionException {
    if (WHOLE.matcher(value).matches()) {
      long v = Long.parseLong(value);
      if (v >= min && v <= max) {
        return (int) v;
      }
    }
    throw new BenchOptionException(
        name + ": expected a whole number from " + min + " to " + max + ", got '" + value + "'");
  }

  private static long wholeLong(String name, String value) throws BenchOptionException {
    if (WHOLE.matcher(value).matches()) {
      return Long.parseLong(value);
    }
    throw new BenchOptionException(name + ": expected a whole number, got '" + value + "'");
  }

  static double decimal(String name, String value, double min, double max)
      throws BenchOptionException {
    if (DECIMAL.matcher(value).matches()) {
      double v = Double.parseDouble(value);
      if (v >= min && v <= max) {
        return v;
      }
    }
    throw new BenchOptionException(
        String.format(
            Locale.ROOT, "%s: expected a number from %s to %s, got '%s'",
            name, plain(min), plain(max), value));
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static boolean onOff(String name, String value) throws BenchOptionException {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "on":
        return true;
      case "off":
        return false;
      default:
        throw new BenchOptionException(name + ": expected on or off, got '" + value + "'");
    }
  }

  private static BenchOptions.RawCodec rawCodec(String value) throws BenchOptionException {
    if (value == null) {
      return BenchOptions.RawCodec.THEN_PIPELINE;
    }
    if (value.equals("only")) {
      return BenchOptions.RawCodec.ONLY;
    }
    throw new BenchOptionException(
        "--raw-codec: the only value it takes is '=only', got '" + value + "'");
  }

  private static Path plotFile(String value) throws BenchOptionException {
    if (!value.toLowerCase(Locale.ROOT).endsWith(".png") || value.length() < 5) {
      throw new BenchOptionException("--plot: expected a file name ending in .png, got '"
          + value + "'");
    }
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new BenchOptionException("--plot: not a valid path: '" + value + "'");
    }
  }
}
