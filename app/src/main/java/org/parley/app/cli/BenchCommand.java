package org.parley.app.cli;

import java.io.PrintStream;
import java.util.List;
import org.parley.app.bench.Bench;
import org.parley.app.bench.NativeBenchEngine;
import org.parley.app.bench.ShutdownHooks;

/**
 * {@code parley bench}: benchmarks the native pipeline over the simulated network (see {@link
 * Bench} and {@code java -jar parley.jar bench --help}). The caller must exit the JVM with the
 * returned code (a {@code --window} run leaves AWT threads behind). Exit codes: 0 done, 1 the
 * run failed, 2 bad options, 130 cancelled.
 */
public final class BenchCommand {
  private BenchCommand() {}

  /** Runs {@code parley bench} with the words after "bench"; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return new Bench(new NativeBenchEngine(), ShutdownHooks.runtime(), out, err).execute(args);
  }
}
