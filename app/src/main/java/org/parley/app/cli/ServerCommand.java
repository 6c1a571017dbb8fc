package org.parley.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.parley.signalling.auth.SecretFiles;
import org.parley.signalling.protocol.Protocol;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * {@code parley server ...}: runs the signalling server alone until Ctrl-C, printing the
 * ws(s):// addresses other computers can use. Without {@code --secret-file} or {@code --open}
 * it uses {@code ~/.parley/server-secret}, creating it (mode 0600) with a random secret the
 * first time. Exit codes: 0 stopped, 1 could not start, 2 bad usage.
 */
public final class ServerCommand {
  /** The usage line for {@code parley --help}. */
  public static final String USAGE = "parley server [--port N] [--bind ADDR]"
      + " [--keystore FILE --keystore-password PW] [--secret-file FILE | --open]"
      + " [--max-clients N] [--max-presence-all N] [--rate N]";
  private static final List<String> VALUED = List.of("--port", "--bind", "--keystore",
      "--keystore-password", "--secret-file", "--max-clients", "--max-presence-all",
      "--rate");

  private ServerCommand() {}

  /** Runs the server with the arguments after {@code server}; returns when it is stopped. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    CountDownLatch stop = new CountDownLatch(1);
    return run(args, out, err, SecretFiles.defaultPath(), stop, true);
  }

  /**
   * The command with the default secret location and the stop signal given; with
   * {@code hook} a shutdown hook (Ctrl-C) also stops it.
   */
  static int run(List<String> args, PrintStream out, PrintStream err, Path defaultSecret,
      CountDownLatch stop, boolean hook) {
    ServerConfig.Builder config = ServerConfig.builder();
    Path secretFile = null;
    boolean open = false;
    Path keystore = null;
    String keystorePassword = null;
    String bind = "0.0.0.0";
    int port = Protocol.DEFAULT_PORT;
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("--help") || a.equals("-h")) {
          printHelp(out, defaultSecret);
          return 0;
        }
        if (a.equals("--open")) {
          open = true;
          continue;
        }
        if (!VALUED.contains(a)) {
          return usage(err, "unknown argument '" + a + "'");
        }
        if (i + 1 >= args.size()) {
          return usage(err, a + " needs a value");
        }
        String v = args.get(++i);
        switch (a) {
          case "--port":
            port = number(a, v, 0, 65535);
            break;
          case "--bind":
            bind = v;
            break;
          case "--keystore":
            keystore = Path.of(v);
            break;
          case "--keystore-password":
            keystorePassword = v;
            break;
          case "--secret-file":
            secretFile = Path.of(v);
            break;
          case "--max-clients":
            config.maxClients(number(a, v, 1, 1_000_000));
            break;
          case "--max-presence-all":
            config.maxPresenceAll(number(a, v, 0, 1_000_000));
            break;
          default: // --rate
            int rate = number(a, v, 1, 100_000);
            config.rateLimit(rate, 2 * rate);
        }
      }
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (open && secretFile != null) {
      return usage(err, "--secret-file and --open exclude each other");
    }
    if ((keystore == null) != (keystorePassword == null)) {
      return usage(err, "--keystore and --keystore-password go together");
    }
    if (keystore != null && !Files.isReadable(keystore)) {
      return usage(err, "cannot read the keystore " + keystore);
    }
    config.bindAddress(bind).port(port);
    if (keystore != null) {
      config.keystore(keystore, keystorePassword.toCharArray());
    }
    String mode;
    try {
      if (open) {
        config.open();
        mode = "open mode: any user id may log in without a token";
      } else {
        Path file = secretFile == null ? defaultSecret : secretFile;
        boolean[] created = new boolean[1];
        byte[] secret = secretFile == null ? SecretFiles.readOrCreate(file, created)
            : SecretFiles.read(file);
        config.secret(secret);
        mode = (created[0] ? "token mode; made a new secret in " : "token mode; secret in ")
            + file + "\n  make tokens with: parley token --user NAME --secret-file " + file;
      }
    } catch (IOException e) {
      err.println("parley server: cannot use the secret: " + e.getMessage());
      return 1;
    }
    SignallingServer server = new SignallingServer(config.build());
    try {
      server.start();
    } catch (IOException e) {
      err.println("parley server: " + e.getMessage());
      return 1;
    }
    String scheme = server.isSecure() ? "wss" : "ws";
    out.println("Parley signalling server, " + mode);
    out.println("Listening on:");
    for (String host : hosts(bind)) {
      boolean local = host.startsWith("127.") || host.equals("[::1]");
      out.println("  " + scheme + "://" + host + ":" + server.port() + Protocol.PATH
          + (local ? "   (this computer only)" : ""));
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    Thread shutdown = new Thread(() -> {
      server.close();
      stop.countDown();
    }, "parley-server-shutdown");
    if (hook) {
      Runtime.getRuntime().addShutdownHook(shutdown);
    }
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    if (hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdown);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already.
      }
    }
    return 0;
  }

  /**
   * The hosts to print: the bound address, or for a wildcard bind every address of every
   * interface that is up (loopback last).
   */
  static List<String> hosts(String bind) {
    List<String> out = new ArrayList<>();
    InetAddress bound;
    try {
      bound = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      return List.of(bind);
    }
    if (!bound.isAnyLocalAddress()) {
      out.add(format(bound));
      return out;
    }
    List<String> loopback = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp()) {
          continue;
        }
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          boolean v6 = a instanceof Inet6Address;
          if (v6 && (!(bound instanceof Inet6Address) || a.isLinkLocalAddress())) {
            continue; // an IPv4 wildcard does not serve IPv6; link-local needs a zone
          }
          (a.isLoopbackAddress() ? loopback : out).add(format(a));
        }
      }
    } catch (SocketException e) {
      // No interface list: fall back to loopback only.
    }
    if (loopback.isEmpty()) {
      loopback.add("127.0.0.1");
    }
    out.addAll(loopback);
    return out;
  }

  private static String format(InetAddress a) {
    String host = a.getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    return a instanceof Inet6Address ? "[" + host + "]" : host;
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max
        + ", not '" + value + "'");
  }

  private static void printHelp(PrintStream out, Path defaultSecret) {
    out.println("Usage: " + USAGE);
    out.println("  --port N                 TCP port (default " + Protocol.DEFAULT_PORT
        + "; 0 picks a free one)");
    out.println("  --bind ADDR              address to listen on (default 0.0.0.0)");
    out.println("  --keystore FILE          PKCS12 key and certificate: serve wss");
    out.println("  --keystore-password PW   its password");
    out.println("  --secret-file FILE       token secret (default " + defaultSecret
        + ", made on first use)");
    out.println("  --open                   no tokens: any user id may log in (LAN demo)");
    out.println("  --max-clients N          connections accepted at once (default 1000)");
    out.println("  --max-presence-all N     above N users online, presence 'all' logins get a"
        + " list of N and pushes only for watched users (default 200)");
    out.println("  --rate N                 messages per second per connection (default 50,"
        + " burst 2N)");
  }

  private static int usage(PrintStream err, String problem) {
    err.println("parley server: " + problem);
    err.println("Usage: " + USAGE);
    return 2;
  }
}
