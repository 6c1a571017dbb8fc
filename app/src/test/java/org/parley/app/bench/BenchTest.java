package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final FakeBenchEngine engine = new FakeBenchEngine();
  private final FakeHooks hooks = new FakeHooks();

  /** Shutdown hooks kept in a list; the test runs them. */
  static final class FakeHooks implements ShutdownHooks {
    final List<Thread> added = new ArrayList<>();
    final List<Thread> removed = new ArrayList<>();

    @Override
    public synchronized void add(Thread hook) {
      added.add(hook);
    }

    @Override
    public synchronized boolean remove(Thread hook) {
      removed.add(hook);
      return added.contains(hook);
    }

    synchronized Thread only() {
      assertEquals(1, added.size(), "one hook expected");
      return added.get(0);
    }
  }


  private int run(String line) {
    return new Bench(
            engine,
            hooks,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .execute(line.isEmpty() ? List.of() : Arrays.asList(line.split(" ")));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsTheUsage() {
    assertEquals(0, run("--help"));
    for (String option : List.of("--size WxH", "--scenario", "harsh", "--raw-codec", "--json",
        "--plot FILE.png", "--two-way", "--window")) {
      assertTrue(out().contains(option), option + " missing from usage");
    }
    assertEquals(0, engine.pipelineStarts.get());
  }

  @Test
  void badOptionsExit2WithTheMessage() {
    assertEquals(2, run("--fps 0"));
    assertTrue(err().contains("parley bench: --fps: expected a whole number"), err());
    assertTrue(err().contains("--help"), err());
    assertEquals("", out());
    assertEquals(0, engine.pipelineStarts.get());
  }

  @Test
  void tablePrintsTheFiguresAndClosesTheRun() {
    assertEquals(0, run("--seconds 2"));
    assertTrue(out().contains("Latency p50 / p95 / p99 / max"), out());
    assertTrue(out().contains("48.2 / 71.6 / 93.4 / 120.7 ms"), out());
    assertEquals(1, engine.closes.get());
    assertEquals(0, engine.cancels.get());
    assertEquals(hooks.added, hooks.removed, "the Ctrl-C hook is removed after the run");
    assertEquals("", err(), "no progress line on a 2 s run");
  }

  @Test
  void optionsReachTheEngine() {
    assertEquals(0, run("--scenario harsh --size 320x240 --jitter 10 --seconds 2 --two-way"));
    BenchOptions o = engine.lastOptions;
    assertEquals(320, o.width());
    assertEquals(10.0, o.lossPercent());
    assertEquals(10, o.jitterMs());
    assertTrue(o.twoWay());
  }

  @Test
  void jsonModePrintsOneObjectAndNothingElse() {
    engine.unfinishedWaits = 3;
    assertEquals(0, run("--json"));
    JsonObject result = BenchJsonTest.onlyOneObject(out());
    assertEquals(527, result.getAsJsonObject("video").get("framesRendered").getAsInt());
    assertTrue(err().contains("\rbench 1.5 / 10.0 s"), "progress goes to stderr: " + err());
  }

  @Test
  void rawCodecThenPipelineGivesTheRatio() {
    assertEquals(0, run("--raw-codec --json --seconds 2"));
    assertEquals(1, engine.rawRuns.get());
    assertEquals(1, engine.pipelineStarts.get());
    JsonObject result = BenchJsonTest.onlyOneObject(out());
    assertEquals(2.79, result.get("overheadRatio").getAsDouble(), 1e-9);
    assertEquals(600, result.getAsJsonObject("rawCodec").get("frames").getAsInt());
  }

  @Test
  void rawCodecTableShowsTheRatio() {
    assertEquals(0, run("--raw-codec --seconds 2"));
    assertTrue(out().contains("Raw codec (libvpx alone, same frames)"), out());
    assertTrue(out().contains("2.79 x"), out());
  }

  @Test
  void rawCodecOnlyRunsNoPipeline() {
    assertEquals(0, run("--raw-codec=only --json --seconds 2"));
    assertEquals(0, engine.pipelineStarts.get());
    assertEquals("raw-codec", BenchJsonTest.onlyOneObject(out()).get("mode").getAsString());
  }

  @Test
  void progressLineOnLongerRuns() {
    engine.unfinishedWaits = 4;
    assertEquals(0, run("--seconds 20"));
    assertEquals(4, engine.progressReads.get());
    assertTrue(err().contains("\rbench 1.5 / 20.0 s (8 %)  rendered 40 frames"), err());
    assertTrue(err().endsWith("\r"), "the line is cleared before the table");
    assertFalse(out().contains("bench 1.5"), "progress never goes to stdout");
  }

  @Test
  void noProgressWhenAskedNot() {
    engine.unfinishedWaits = 4;
    assertEquals(0, run("--seconds 20 --no-progress"));
    assertEquals(0, engine.progressReads.get());
    assertEquals("", err());
  }

  @Test
  void plotIsWritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bench.png");
    assertEquals(0, run("--seconds 2 --plot " + file));
    assertTrue(Files.size(file) > 1000);
    assertTrue(out().contains("Plot written to " + file), out());
  }

  @Test
  void plotThatCannotBeWrittenFails(@TempDir Path dir) {
    Path file = dir.resolve("no-such-folder").resolve("bench.png");
    assertEquals(1, run("--seconds 2 --plot " + file));
    assertTrue(err().contains("cannot write the plot"), err());
    assertTrue(out().contains("Latency p50"), "the table is still printed");
  }

  @Test
  void settingsTheCoreRefusesExit2() {
    engine.startFailure = new IllegalArgumentException("width must be even");
    assertEquals(2, run("--seconds 2"));
    assertTrue(err().contains("refused the settings: width must be even"), err());
  }

  @Test
  void aCoreThatCannotLoadExits1() {
    engine.rawFailure = new IllegalStateException("no parley in java.library.path");
    assertEquals(1, run("--raw-codec --seconds 2"));
    assertTrue(err().contains("no parley in java.library.path"), err());
  }

  @Test
  void aFailedRunPrintsItsFiguresAndExits1() {
    engine.resultJson = "{\"completed\":false,\"error\":\"encoder failed\"}";
    assertEquals(1, run("--seconds 2"));
    assertTrue(out().contains("error: encoder failed"), out());
    assertTrue(err().contains("the run failed: encoder failed"), err());
  }

  @Test
  void unreadableResultExits1() {
    engine.resultJson = "not json";
    assertEquals(1, run("--seconds 2"));
    assertTrue(err().contains("not valid JSON"), err());
  }

  @Test
  void windowWithoutADisplayExits1() {
    // Another test in the same JVM may have started AWT with a display first.
    Assumptions.assumeTrue(GraphicsEnvironment.isHeadless(), "AWT has a display here");
    assertEquals(1, run("--window --seconds 2"));
    assertTrue(err().contains("--window needs a display"), err());
    assertEquals(0, engine.pipelineStarts.get());
  }

  @Test
  void ctrlCCancelsAndPrintsTheFiguresSoFar() throws Exception {
    engine.finishOnlyWhenCancelled = true;
    engine.cancelledResultJson = Fixtures.read(Fixtures.ONE_WAY_PARTIAL);
    CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> run("--seconds 30"));
    assertTrue(engine.waiting.await(30, TimeUnit.SECONDS), "the run never started");
    Thread hook = hooks.only();
    hook.start(); // what the JVM does on Ctrl-C
    hook.join(30_000);
    assertFalse(hook.isAlive(), "the hook must return once the results are printed");
    assertEquals(130, status.get(30, TimeUnit.SECONDS));
    assertEquals(1, engine.cancels.get());
    assertEquals(1, engine.closes.get());
    assertTrue(out().contains("did not complete"), out());
    assertTrue(out().contains("Frames received / rendered"), out());
    assertTrue(out().contains("50 / 0"), out());
  }

  @Test
  void ctrlCInJsonModeStillGivesOneObject() throws Exception {
    engine.finishOnlyWhenCancelled = true;
    engine.cancelledResultJson = Fixtures.read(Fixtures.ONE_WAY_PARTIAL);
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(() -> run("--seconds 30 --json --no-progress"));
    assertTrue(engine.waiting.await(30, TimeUnit.SECONDS), "the run never started");
    Thread hook = hooks.only();
    hook.start();
    hook.join(30_000);
    assertEquals(130, status.get(30, TimeUnit.SECONDS));
    JsonObject result = BenchJsonTest.onlyOneObject(out());
    assertFalse(result.get("completed").getAsBoolean());
    assertNotNull(result.get("video"));
  }
}
