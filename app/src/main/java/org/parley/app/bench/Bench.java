package org.parley.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What {@code parley bench} does ({@code org.parley.app.cli.BenchCommand} is its entry point):
 * runs the native bench (the pipeline over the simulated network, libvpx alone, or both) and
 * prints a table, or one JSON object with {@code --json}; optionally plots the timeline and
 * draws the received video in a window. Ctrl-C cancels the run and still
 * prints the figures so far. Exit codes: 0 done, 1 the run failed, 2 bad options, 130
 * cancelled.
 */
public final class Bench {
  /** How often the progress line is refreshed. */
  static final int PROGRESS_INTERVAL_MS = 500;
  /** How long a Ctrl-C waits for the results to be printed before the JVM exits anyway. */
  static final long SHUTDOWN_GRACE_MS = 15_000;

  private static final System.Logger LOG = System.getLogger(Bench.class.getName());

  private final BenchEngine engine;
  private final ShutdownHooks hooks;
  private final PrintStream out;
  private final PrintStream err;

  /** A command running on {@code engine}, with Ctrl-C hooks registered in {@code hooks}. */
  public Bench(BenchEngine engine, ShutdownHooks hooks, PrintStream out, PrintStream err) {
    this.engine = engine;
    this.hooks = hooks;
    this.out = out;
    this.err = err;
  }

  /** Runs the command with these arguments; returns the exit code. */
  public int execute(List<String> args) {
    BenchOptions options;
    try {
      options = BenchOptionsParser.parse(args);
    } catch (BenchOptionException e) {
      err.println("parley bench: " + e.getMessage());
      err.println("Run 'java -jar parley.jar bench --help' for the options.");
      return 2;
    }
    if (options.help()) {
      out.print(BenchUsage.text());
      out.flush();
      return 0;
    }
    try {
      return benchmark(options);
    } catch (IllegalArgumentException e) {
      err.println("parley bench: the native core refused the settings: " + e.getMessage());
      return 2;
    } catch (IllegalStateException | LinkageError e) {
      LOG.log(System.Logger.Level.DEBUG, "bench failed", e);
      err.println("parley bench: " + e.getMessage());
      return 1;
    }
  }

  private int benchmark(BenchOptions options) {
    String rawJson = null;
    RawCodecResult raw = null;
    if (options.runsRawCodec()) {
      if (options.progress()) {
        err.printf(Locale.ROOT, "parley bench: libvpx alone for %.1f s...%n", options.seconds());
      }
      String rawRun = engine.runRawCodec(options);
      rawJson = rawRun;
      raw = readable(() -> RawCodecResult.parse(rawRun));
      if (!options.runsPipeline()) {
        print(
            options.json()
                ? readable(() -> BenchJson.output(null, rawRun))
                : BenchTable.formatRaw(raw));
        return 0;
      }
    }
    AtomicReference<BenchEngine.Run> started = new AtomicReference<>();
    AtomicBoolean closedByUser = new AtomicBoolean();
    BenchWindow window = null;
    try {
      if (options.window()) {
        window =
            BenchWindow.open(
                options.width(),
                options.height(),
                () -> {
                  closedByUser.set(true);
                  BenchEngine.Run run = started.get();
                  if (run != null) {
                    run.cancel();
                  }
                });
      }
      try (BenchEngine.Run run = engine.startPipeline(options, window == null ? 0 : window.handle());
          CancelOnShutdown ctrlC = CancelOnShutdown.install(hooks, run::cancel, SHUTDOWN_GRACE_MS)) {
        started.set(run);
        String json = await(run, options);
        int status = report(options, json, rawJson, raw);
        return ctrlC.cancelled() || closedByUser.get() ? 130 : status;
      }
    } finally {
      if (window != null) {
        window.close();
      }
    }
  }

  /** Waits for the run to end, refreshing the progress line; returns the result JSON. */
  private String await(BenchEngine.Run run, BenchOptions options) {
    ProgressLine progress =
        ProgressLine.wanted(options) ? new ProgressLine(err, options.seconds()) : null;
    while (!run.waitFinished(PROGRESS_INTERVAL_MS)) {
      if (progress != null) {
        progress.update(run.progressJson());
      }
    }
    if (progress != null) {
      progress.clear();
    }
    return run.resultJson();
  }

  /** Prints the result (and plots it); returns 0, or 1 when the run failed. */
  private int report(BenchOptions options, String json, String rawJson, RawCodecResult raw) {
    BenchResult result = readable(() -> BenchResult.parse(json));
    print(
        options.json()
            ? readable(() -> BenchJson.output(json, rawJson))
            : BenchTable.format(result, raw));
    int status = 0;
    if (options.plotFile().isPresent()) {
      Path file = options.plotFile().get();
      try {
        BenchPlot.write(result, file);
        if (!options.json()) {
          out.println();
          out.println("Plot written to " + file);
        }
      } catch (IOException | RuntimeException e) {
        err.println("parley bench: cannot write the plot to " + file + ": " + e.getMessage());
        status = 1;
      }
    }
    out.flush();
    if (result.error().isPresent()) {
      err.println("parley bench: the run failed: " + result.error().get());
      return 1;
    }
    return status;
  }

  /** Runs a parse of native output; a parse error is a run-time failure (1), not bad options. */
  private static <T> T readable(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void print(String text) {
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
  }
}
