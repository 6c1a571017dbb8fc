package org.parley.app.bench;

import java.util.Arrays;

/**
 * A JVM for {@link BenchRealRunTest}: {@code parley bench} on the native engine, wired exactly as
 * {@code org.parley.app.cli.BenchCommand.run} wires it, exiting like Main does. A separate JVM
 * keeps a native crash from taking the whole test run down with it.
 */
final class RealBenchMain {
  private RealBenchMain() {}

  public static void main(String[] args) {
    int status =
        new Bench(new NativeBenchEngine(), ShutdownHooks.runtime(), System.out, System.err)
            .execute(Arrays.asList(args));
    System.exit(status);
  }
}
