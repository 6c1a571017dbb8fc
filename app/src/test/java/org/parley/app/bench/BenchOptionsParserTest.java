package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BenchOptionsParserTest {
  private static BenchOptions parse(String line) throws BenchOptionException {
    return BenchOptionsParser.parse(line.isEmpty() ? List.of() : Arrays.asList(line.split(" ")));
  }

  @Test
  void noOptionsGiveTheNativeDefaults() throws BenchOptionException {
    BenchOptions o = parse("");
    assertEquals(1280, o.width());
    assertEquals(720, o.height());
    assertEquals(30, o.fps());
    assertEquals(0, o.bitrateKbps());
    assertEquals(1500, o.startKbps());
    assertEquals(100, o.minKbps());
    assertEquals(2500, o.maxKbps());
    assertEquals(-6, o.encoderSpeed());
    assertEquals(1, o.encoderThreads());
    assertEquals(0, o.lossPercent());
    assertEquals(1, o.burstLength());
    assertEquals(0, o.capKbps());
    assertEquals(10, o.seconds());
    assertEquals(2, o.warmupSeconds());
    assertEquals(1, o.seed());
    assertTrue(o.audio());
    assertFalse(o.twoWay());
    assertTrue(o.srtp());
    assertFalse(o.window());
    assertFalse(o.json());
    assertTrue(o.plotFile().isEmpty());
    assertTrue(o.runsPipeline());
    assertFalse(o.runsRawCodec());
    assertEquals("", o.scenario());
  }

  /** A command line and a check of one figure it must produce. */
  static Stream<Arguments> goodLines() {
    return Stream.of(
        good("size", "--size 640x360", o -> o.width() + "x" + o.height(), "640x360"),
        good("size upper-case X", "--size 320X240", o -> o.width() + "x" + o.height(), "320x240"),
        good("width and height", "--width 800 --height=600",
            o -> o.width() + "x" + o.height(), "800x600"),
        good("later option wins", "--fps 15 --fps 24", BenchOptions::fps, 24),
        good("fixed bitrate", "--bitrate 800", BenchOptions::bitrateKbps, 800),
        good("rate control", "--min-kbps 200 --start-kbps 300 --max-kbps 900",
            o -> o.minKbps() + "/" + o.startKbps() + "/" + o.maxKbps(), "200/300/900"),
        good("negative speed", "--speed -8", BenchOptions::encoderSpeed, -8),
        good("threads", "--threads 4", BenchOptions::encoderThreads, 4),
        good("loss", "--loss 2.5", BenchOptions::lossPercent, 2.5),
        good("burst", "--burst 3", BenchOptions::burstLength, 3.0),
        good("delay", "--delay 40", BenchOptions::delayMs, 40),
        good("jitter", "--jitter 25", BenchOptions::jitterMs, 25),
        good("reorder", "--reorder 1.5", BenchOptions::reorderPercent, 1.5),
        good("cap", "--cap 750", BenchOptions::capKbps, 750),
        good("seconds", "--seconds 30", BenchOptions::seconds, 30.0),
        good("short run shortens the warm-up", "--seconds 2", BenchOptions::warmupSeconds, 0.5),
        good("explicit warm-up", "--seconds 2 --warmup 1", BenchOptions::warmupSeconds, 1.0),
        good("seed", "--seed -77", BenchOptions::seed, -77L),
        good("audio off", "--audio off", BenchOptions::audio, false),
        good("srtp OFF", "--srtp OFF", BenchOptions::srtp, false),
        good("two-way", "--two-way", BenchOptions::twoWay, true),
        good("one-way after two-way", "--two-way --one-way", BenchOptions::twoWay, false),
        good("window", "--window", BenchOptions::window, true),
        good("json", "--json", BenchOptions::json, true),
        good("plot", "--plot out/bench.png", o -> o.plotFile().orElseThrow(),
            Path.of("out/bench.png")),
        good("no progress", "--no-progress", BenchOptions::progress, false),
        good("help", "--help", BenchOptions::help, true),
        good("-h", "-h", BenchOptions::help, true),
        good("freeze threshold", "--freeze-ms 200", BenchOptions::freezeThresholdMs, 200),
        good("sample interval", "--sample-ms 500", BenchOptions::sampleIntervalMs, 500),
        good("raw codec then pipeline", "--raw-codec", BenchOptions::rawCodec,
            BenchOptions.RawCodec.THEN_PIPELINE),
        good("raw codec only", "--raw-codec=only", BenchOptions::runsPipeline, false),
        // Scenarios set defaults; explicit options win wherever they stand.
        good("clean", "--scenario clean", o -> o.lossPercent() + "/" + o.jitterMs() + "/"
            + o.capKbps(), "0.0/0/0"),
        good("lossy", "--scenario lossy", o -> o.lossPercent() + "/" + o.jitterMs(), "3.0/30"),
        good("constrained", "--scenario constrained", BenchOptions::capKbps, 600),
        good("harsh", "--scenario harsh",
            o -> o.lossPercent() + "/" + o.burstLength() + "/" + o.jitterMs(), "10.0/4.0/80"),
        good("explicit loss after scenario", "--scenario lossy --loss 5",
            o -> o.lossPercent() + "/" + o.jitterMs(), "5.0/30"),
        good("explicit jitter before scenario", "--jitter 10 --scenario harsh",
            o -> o.lossPercent() + "/" + o.jitterMs(), "10.0/10"),
        good("scenario name kept", "--scenario=constrained", BenchOptions::scenario,
            "constrained"),
        good("cap 0 overrides constrained", "--scenario constrained --cap 0",
            BenchOptions::capKbps, 0));
  }

  private static Arguments good(
      String name, String line, Function<BenchOptions, Object> figure, Object expected) {
    return Arguments.of(name, line, figure, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodLines")
  void goodLinesSetTheirFigure(
      String name, String line, Function<BenchOptions, Object> figure, Object expected)
      throws BenchOptionException {
    assertEquals(expected, figure.apply(parse(line)), name);
  }

  /** A bad command line and a part of the message it must give. */
  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("unknown option", "--colour blue", "unknown option '--colour'"),
        Arguments.of("positional argument", "fast", "unexpected argument 'fast'"),
        Arguments.of("single-dash option", "-x", "unexpected argument '-x'"),
        Arguments.of("missing value at end", "--fps", "--fps needs a value"),
        Arguments.of("option as value", "--plot --json", "--plot needs a value"),
        Arguments.of("flag with value", "--json=yes", "--json takes no value"),
        Arguments.of("size without x", "--size 640", "--size: expected WIDTHxHEIGHT"),
        Arguments.of("size too small", "--size 8x8", "--size width: expected a whole number"),
        Arguments.of("width not a number", "--width wide", "--width: expected a whole number"),
        Arguments.of("height too big", "--height 9000", "from 16 to 8192, got '9000'"),
        Arguments.of("fps zero", "--fps 0", "--fps: expected a whole number from 1 to 120"),
        Arguments.of("fps decimal", "--fps 29.97", "--fps: expected a whole number"),
        Arguments.of("bitrate too low", "--bitrate 5", "--bitrate: expected"),
        Arguments.of("speed out of range", "--speed 20", "--speed: expected"),
        Arguments.of("threads zero", "--threads 0", "--threads: expected"),
        Arguments.of("loss over 100", "--loss 101", "--loss: expected a number from 0 to 100"),
        Arguments.of("loss NaN", "--loss NaN", "--loss: expected a number"),
        Arguments.of("loss hex", "--loss 0x1p3", "--loss: expected a number"),
        Arguments.of("burst under 1", "--burst 0.5", "--burst: expected a number from 1"),
        Arguments.of("negative delay", "--delay -5", "--delay: expected"),
        Arguments.of("jitter text", "--jitter lots", "--jitter: expected"),
        Arguments.of("reorder negative", "--reorder -1", "--reorder: expected"),
        Arguments.of("cap negative", "--cap -1", "--cap: expected"),
        Arguments.of("seconds zero", "--seconds 0", "--seconds: expected a number from 1 to 86400"),
        Arguments.of("warmup negative", "--warmup -1", "--warmup: expected"),
        Arguments.of("warmup not shorter", "--seconds 5 --warmup 5", "must be shorter"),
        Arguments.of("seed text", "--seed abc", "--seed: expected a whole number"),
        Arguments.of("audio yes", "--audio yes", "--audio: expected on or off, got 'yes'"),
        Arguments.of("srtp missing", "--srtp", "--srtp needs a value"),
        Arguments.of("unknown scenario", "--scenario stormy",
            "--scenario: expected one of clean|lossy|constrained|harsh, got 'stormy'"),
        Arguments.of("fixed and rate control", "--bitrate 800 --max-kbps 900",
            "cannot be combined"),
        Arguments.of("min above max", "--min-kbps 900 --max-kbps 500 --start-kbps 600",
            "--min-kbps (900) is above --max-kbps (500)"),
        Arguments.of("start outside range", "--start-kbps 3000", "--start-kbps (3000) must lie"),
        Arguments.of("plot not png", "--plot out.jpg", "--plot: expected a file name ending"),
        Arguments.of("raw codec bad value", "--raw-codec=twice", "only value it takes"),
        Arguments.of("raw only with window", "--raw-codec=only --window", "need one"),
        Arguments.of("raw only with plot", "--raw-codec=only --plot a.png", "need one"),
        Arguments.of("sample longer than run", "--seconds 1 --sample-ms 2000", "--sample-ms"),
        Arguments.of("freeze zero", "--freeze-ms 0", "--freeze-ms: expected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void badLinesNameTheProblem(String name, String line, String message) {
    BenchOptionException e = assertThrows(BenchOptionException.class, () -> parse(line), name);
    assertTrue(e.getMessage().contains(message), name + ": " + e.getMessage());
  }
}
