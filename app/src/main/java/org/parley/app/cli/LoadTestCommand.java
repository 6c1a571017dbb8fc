package org.parley.app.cli;

import java.io.PrintStream;
import java.util.List;
import org.parley.signalling.load.LoadReport;
import org.parley.signalling.load.LoadTest;
import org.parley.signalling.load.LoadTestOptions;

/**
 * {@code parley loadtest}: logs in many signalling clients and drives call setups against a
 * server (or an embedded one), then prints the figures (see {@link LoadTest}). Exit codes: 0
 * when every client logged in and every call setup completed without error, 1 when some did not
 * or the run could not start, 2 for a bad command line.
 */
public final class LoadTestCommand {
  private LoadTestCommand() {}

  /** Runs the command with the arguments after {@code loadtest}; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(LoadTestOptions.usage());
      return 0;
    }
    LoadTestOptions options;
    try {
      options = LoadTestOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("parley loadtest: " + e.getMessage());
      err.println(LoadTestOptions.usage());
      return 2;
    }
    LoadReport report;
    try {
      report = new LoadTest(options, err).run();
    } catch (IllegalStateException e) {
      err.println("parley loadtest: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("parley loadtest: interrupted");
      return 1;
    }
    report.print(out);
    return report.allSetupsCompleted() ? 0 : 1;
  }
}
