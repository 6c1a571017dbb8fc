package org.parley.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.signalling.auth.SecretFiles;
import org.parley.signalling.auth.TokenIssuer;
import org.parley.signalling.protocol.UserIds;

/**
 * {@code parley token --user ID [--ttl 24h] [--secret-file FILE]}: prints a login token for
 * the signalling server (made with the server's secret, by default
 * {@code ~/.parley/server-secret}). Exit codes: 0 printed, 1 no usable secret, 2 bad usage.
 */
public final class TokenCommand {
  /** The usage line for {@code parley --help}. */
  public static final String USAGE =
      "parley token --user ID [--ttl 24h] [--secret-file FILE]";
  private static final Pattern TTL = Pattern.compile("([0-9]{1,9})([smhd]?)");

  private TokenCommand() {}

  /** Runs the command with the arguments after {@code token}. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, out, err, Clock.systemUTC(), SecretFiles.defaultPath());
  }

  static int run(List<String> args, PrintStream out, PrintStream err, Clock clock,
      Path defaultSecret) {
    String user = null;
    Duration ttl = Duration.ofHours(24);
    Path secretFile = defaultSecret;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        out.println("Usage: " + USAGE);
        out.println("  --user ID           the user the token admits");
        out.println("  --ttl DURATION      how long it is valid: 90s, 30m, 24h (default), 7d");
        out.println("  --secret-file FILE  the server's secret (default " + defaultSecret + ")");
        return 0;
      }
      if (i + 1 >= args.size() || !List.of("--user", "--ttl", "--secret-file").contains(a)) {
        return usage(err, i + 1 >= args.size() && a.startsWith("--")
            ? a + " needs a value" : "unknown argument '" + a + "'");
      }
      String value = args.get(++i);
      switch (a) {
        case "--user":
          user = value;
          break;
        case "--ttl":
          ttl = parseTtl(value);
          if (ttl == null) {
            return usage(err, "--ttl must look like 90s, 30m, 24h or 7d, not '" + value + "'");
          }
          break;
        default:
          secretFile = Path.of(value);
      }
    }
    if (user == null) {
      return usage(err, "--user is required");
    }
    if (!UserIds.isValid(user)) {
      return usage(err, "'" + user + "' is not a valid user id ([A-Za-z0-9._@-], 1 to 64)");
    }
    byte[] secret;
    try {
      secret = SecretFiles.read(secretFile);
    } catch (NoSuchFileException e) {
      err.println("parley token: no secret at " + secretFile
          + "; run 'parley server' once to make one, or give --secret-file");
      return 1;
    } catch (IOException e) {
      err.println("parley token: cannot read " + secretFile + ": " + e.getMessage());
      return 1;
    }
    out.println(new TokenIssuer(secret, clock).issue(user, ttl));
    return 0;
  }

  /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, or plain seconds; null when invalid. */
  static Duration parseTtl(String text) {
    Matcher m = TTL.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    Duration d;
    switch (m.group(2)) {
      case "m":
        d = Duration.ofMinutes(n);
        break;
      case "h":
        d = Duration.ofHours(n);
        break;
      case "d":
        d = Duration.ofDays(n);
        break;
      default:
        d = Duration.ofSeconds(n);
    }
    return d.isZero() ? null : d;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("parley token: " + problem);
    err.println("Usage: " + USAGE);
    return 2;
  }
}
