package org.parley.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.parley.app.cli.BenchCommand;
import org.parley.app.cli.LoadTestCommand;
import org.parley.app.cli.ServerCommand;
import org.parley.app.cli.TokenCommand;
import org.parley.app.cli.VersionCommand;
import org.parley.app.ui.ParleyApp;

/**
 * Entry point of {@code parley.jar}: with no arguments opens the desktop app, otherwise runs a
 * command. Exit codes: 0 success, 1 failure at run time, 2 bad command line.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int status = run(Arrays.asList(args), System.out, System.err);
    if (status != 0 || args.length > 0) {
      System.exit(status);
    }
  }

  /** Runs the command line; returns the exit code. The desktop app keeps running after it. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      return ParleyApp.launch(new String[0], err);
    }
    switch (args.get(0)) {
      case "--version":
      case "-V":
      case "version":
        return new VersionCommand(out, err).run();
      case "server":
        return ServerCommand.run(args.subList(1, args.size()), out, err);
      case "token":
        return TokenCommand.run(args.subList(1, args.size()), out, err);
      case "bench":
        return BenchCommand.run(args.subList(1, args.size()), out, err);
      case "loadtest":
        return LoadTestCommand.run(args.subList(1, args.size()), out, err);
      case "--help":
      case "-h":
      case "help":
        printUsage(out);
        return 0;
      default:
        err.println("parley: unknown command '" + args.get(0) + "'");
        printUsage(err);
        return 2;
    }
  }

  private static void printUsage(PrintStream out) {
    out.println("Usage: java -jar parley.jar [command]");
    out.println();
    out.println("  (no command)   open the Parley desktop app");
    out.println("  server         run the signalling server alone (server --help for options)");
    out.println("  token          issue a login token from the server's secret (token --help)");
    out.println("  bench          measure the native media pipeline (bench --help)");
    out.println("  loadtest       load-test a signalling server (loadtest --help)");
    out.println("  --version      print the versions of Parley and its native libraries");
    out.println("  --help         print this help");
  }
}
