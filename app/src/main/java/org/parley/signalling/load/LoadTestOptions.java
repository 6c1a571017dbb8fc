package org.parley.signalling.load;

import java.net.URI;
import java.util.List;

/**
 * Settings of one {@link LoadTest} run, parsed from {@code parley loadtest} arguments:
 *
 * <pre>
 *   --url ws://host:port/signalling   server to load (or --embedded)
 *   --embedded                        start a server in this process (open mode, loopback)
 *   --clients N                       clients logged in (default 5000)
 *   --rate R                          call setups started per second (default 100)
 *   --duration S                      seconds of call setups (default 20)
 *   --login-concurrency C             logins in flight at once (default 200)
 *   --timeout-ms T                    a request or setup step fails after T ms (default 10000)
 *   --user-prefix P                   user ids are P0, P1, ... (default "load")
 *   --presence all|watch              login presence mode (default watch: each client watches
 *                                     one neighbour, P(i xor 1))
 * </pre>
 *
 * The server must run in open mode (no tokens). {@link #parse} throws {@link
 * IllegalArgumentException} with a usage-ready message for bad arguments.
 */
public final class LoadTestOptions {
  public final URI url;
  public final boolean embedded;
  public final int clients;
  public final int rate;
  public final int durationSeconds;
  public final int loginConcurrency;
  public final long timeoutMs;
  public final String userPrefix;
  /** Whether clients log in with presence {@code watch} (else {@code all}). */
  public final boolean watchPresence;

  /** Builds options directly (tests), with presence {@code watch}. */
  public LoadTestOptions(URI url, boolean embedded, int clients, int rate, int durationSeconds,
      int loginConcurrency, long timeoutMs, String userPrefix) {
    this(url, embedded, clients, rate, durationSeconds, loginConcurrency, timeoutMs, userPrefix,
        true);
  }

  /** Builds options directly; {@code watchPresence} false logs in with presence {@code all}. */
  public LoadTestOptions(URI url, boolean embedded, int clients, int rate, int durationSeconds,
      int loginConcurrency, long timeoutMs, String userPrefix, boolean watchPresence) {
    if (!embedded && url == null) {
      throw new IllegalArgumentException("give --url ws://host:port/signalling or --embedded");
    }
    if (embedded && url != null) {
      throw new IllegalArgumentException("--url and --embedded exclude each other");
    }
    if (clients < 2 || clients > 100_000) {
      throw new IllegalArgumentException("--clients must be in 2..100000: " + clients);
    }
    if (rate < 1 || rate > 100_000 || durationSeconds < 1 || durationSeconds > 3600) {
      throw new IllegalArgumentException("--rate must be in 1..100000, --duration in 1..3600");
    }
    if (loginConcurrency < 1 || timeoutMs < 1) {
      throw new IllegalArgumentException("--login-concurrency and --timeout-ms must be positive");
    }
    if (!userPrefix.matches("[A-Za-z0-9._@-]{1,40}")) {
      throw new IllegalArgumentException("--user-prefix must be 1-40 of [A-Za-z0-9._@-]");
    }
    this.url = url;
    this.embedded = embedded;
    this.clients = clients;
    this.rate = rate;
    this.durationSeconds = durationSeconds;
    this.loginConcurrency = loginConcurrency;
    this.timeoutMs = timeoutMs;
    this.userPrefix = userPrefix;
    this.watchPresence = watchPresence;
  }

  /** Parses command-line arguments (after the command name). */
  public static LoadTestOptions parse(List<String> args) {
    URI url = null;
    boolean embedded = false;
    int clients = 5000;
    int rate = 100;
    int duration = 20;
    int concurrency = 200;
    long timeout = 10_000;
    String prefix = "load";
    boolean watch = true;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--embedded":
          embedded = true;
          break;
        case "--url":
          url = parseUrl(value(args, ++i, a));
          break;
        case "--clients":
          clients = intValue(args, ++i, a);
          break;
        case "--rate":
          rate = intValue(args, ++i, a);
          break;
        case "--duration":
          duration = intValue(args, ++i, a);
          break;
        case "--login-concurrency":
          concurrency = intValue(args, ++i, a);
          break;
        case "--timeout-ms":
          timeout = intValue(args, ++i, a);
          break;
        case "--user-prefix":
          prefix = value(args, ++i, a);
          break;
        case "--presence":
          String mode = value(args, ++i, a);
          if (!mode.equals("all") && !mode.equals("watch")) {
            throw new IllegalArgumentException("--presence must be all or watch, not '" + mode
                + "'");
          }
          watch = mode.equals("watch");
          break;
        default:
          throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    return new LoadTestOptions(url, embedded, clients, rate, duration, concurrency, timeout,
        prefix, watch);
  }

  private static URI parseUrl(String s) {
    URI u;
    try {
      u = URI.create(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad --url '" + s + "'");
    }
    if (!"ws".equals(u.getScheme()) && !"wss".equals(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException("--url must be ws://host:port/... or wss://...: " + s);
    }
    return u;
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int intValue(List<String> args, int i, String option) {
    String v = value(args, i, option);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + v + "'");
    }
  }

  /** The usage text of {@code parley loadtest}. */
  public static String usage() {
    return String.join(System.lineSeparator(),
        "Usage: parley loadtest (--embedded | --url ws://host:port/signalling) [options]",
        "  --clients N              clients logged in (default 5000)",
        "  --rate R                 call setups per second (default 100)",
        "  --duration S             seconds of call setups (default 20)",
        "  --login-concurrency C    logins in flight at once (default 200)",
        "  --timeout-ms T           a request or call setup fails after T ms (default 10000)",
        "  --user-prefix P          user ids P0, P1, ... (default load)",
        "  --presence all|watch     presence of everyone, or (default) each client watches",
        "                           one neighbour only",
        "The server must be in open mode (no tokens).");
  }
}
