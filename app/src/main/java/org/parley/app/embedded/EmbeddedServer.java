package org.parley.app.embedded;

import java.awt.EventQueue;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.parley.signalling.protocol.Protocol;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * The signalling server built into the desktop app: open mode (any user id logs in without a
 * token), listening on every IPv4 interface, on port {@value #DEFAULT_PORT} or the next free one,
 * so other computers on the network can call this one. Optionally starts a companion (the Echo
 * bot) that logs in to it over loopback.
 *
 * <p>{@link #start} binds a socket and may take a moment: never call it on the Swing event
 * thread (it refuses with {@link IllegalStateException}). {@link #close()} stops the companion,
 * then the server; idempotent. The caller must close it on exit.
 */
public final class EmbeddedServer implements AutoCloseable {
  /** The first port tried. */
  public static final int DEFAULT_PORT = Protocol.DEFAULT_PORT;
  /** How many ports from the first are tried before giving up. */
  public static final int DEFAULT_ATTEMPTS = 20;

  private static final System.Logger LOG = System.getLogger(EmbeddedServer.class.getName());
  private static final List<String> VIRTUAL_PREFIXES = List.of("docker", "br-", "veth",
      "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "zt", "tailscale", "lxc", "cni",
      "flannel", "podman");

  /**
   * Something started once the server listens (the Echo bot), closed before the server stops.
   * It gets the server's loopback address.
   */
  @FunctionalInterface
  public interface Companion {
    /**
     * Starts the companion against {@code localUri}; returns what stops it.
     *
     * @throws Exception when it cannot start (the server keeps running; the failure is logged)
     */
    AutoCloseable start(URI localUri) throws Exception;
  }

  private final SignallingServer server;
  private final int port;
  private final List<URI> lanAddresses;
  private AutoCloseable companion;
  private boolean closed;

  private EmbeddedServer(SignallingServer server, List<URI> lanAddresses) {
    this.server = server;
    this.port = server.port();
    this.lanAddresses = List.copyOf(lanAddresses);
  }

  /** Starts on port {@value #DEFAULT_PORT} or one of the next 19, without a companion. */
  public static EmbeddedServer start() throws IOException {
    return start(DEFAULT_PORT, DEFAULT_ATTEMPTS, null);
  }

  /**
   * Starts on {@code firstPort} or, when it is taken, the next free one of {@code attempts}
   * ports ({@code firstPort} 0: any free port), then starts {@code companion} if not null.
   *
   * @throws IOException when no port of the range could be bound
   * @throws IllegalStateException on the Swing event thread
   */
  public static EmbeddedServer start(int firstPort, int attempts, Companion companion)
      throws IOException {
    if (EventQueue.isDispatchThread()) {
      throw new IllegalStateException("start the embedded server off the Swing event thread");
    }
    if (firstPort < 0 || firstPort > 65535 || attempts < 1) {
      throw new IllegalArgumentException("bad port range " + firstPort + " x " + attempts);
    }
    IOException last = null;
    int lastPort = firstPort == 0 ? 0 : Math.min(65535, firstPort + attempts - 1);
    for (int p = firstPort; p <= lastPort; p++) {
      SignallingServer s = new SignallingServer(ServerConfig.builder()
          .bindAddress("0.0.0.0")
          .port(p)
          .open()
          .build());
      try {
        s.start();
      } catch (IOException e) {
        s.close();
        last = e;
        LOG.log(System.Logger.Level.DEBUG, "port " + p + " is taken: " + e.getMessage());
        continue;
      }
      EmbeddedServer es = new EmbeddedServer(s, lanUris(s.port(), interfaceAddresses()));
      LOG.log(System.Logger.Level.INFO, "built-in server on port " + es.port + "; others use "
          + es.lanAddresses);
      es.startCompanion(companion);
      return es;
    }
    throw new IOException("no free port from " + firstPort + " to " + lastPort
        + (last == null ? "" : " (" + last.getMessage() + ")"), last);
  }

  /** The port listened on. */
  public int port() {
    return port;
  }

  /** The address for clients on this computer: {@code ws://127.0.0.1:<port>/signalling}. */
  public URI localUri() {
    return URI.create("ws://127.0.0.1:" + port + Protocol.PATH);
  }

  /**
   * The addresses other computers can use, best first: IPv4 addresses of interfaces that are up
   * and not loopback, physical-looking interfaces and private LAN ranges before virtual ones
   * (docker, VPN...); only {@link #localUri()} when there is no other. Computed at start.
   */
  public List<URI> lanAddresses() {
    return lanAddresses;
  }

  /** The best of {@link #lanAddresses()}. */
  public URI lanUri() {
    return lanAddresses.get(0);
  }

  /**
   * The addresses others would use if the server listened on {@code port} (e.g. to show before
   * it starts). Reads the network interfaces: off the Swing event thread.
   */
  public static List<URI> lanAddressesFor(int port) {
    return lanUris(port, interfaceAddresses());
  }

  /** Stops the companion, then the server. Idempotent. */
  @Override
  public void close() {
    AutoCloseable c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = companion;
      companion = null;
    }
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "the built-in server's companion did not close", e);
      }
    }
    server.close();
  }

  private void startCompanion(Companion factory) {
    if (factory == null) {
      return;
    }
    try {
      AutoCloseable c = factory.start(localUri());
      synchronized (this) {
        companion = c;
      }
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "the built-in server's companion did not start: "
          + e.getMessage(), e);
    }
  }

  /** One address of one interface, as seen by the ordering rules. */
  record InterfaceAddress(String interfaceName, InetAddress address) {}

  /** Every address of every interface that is up; empty when the list cannot be read. */
  static List<InterfaceAddress> interfaceAddresses() {
    List<InterfaceAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp()) {
          continue;
        }
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          out.add(new InterfaceAddress(ni.getName(), a));
        }
      }
    } catch (SocketException | RuntimeException e) {
      LOG.log(System.Logger.Level.INFO, "cannot list network interfaces: " + e.getMessage());
    }
    return out;
  }

  /** The ws:// addresses for {@code port} from {@code addresses}, best first (see lanAddresses). */
  static List<URI> lanUris(int port, List<InterfaceAddress> addresses) {
    List<InterfaceAddress> usable = new ArrayList<>();
    for (InterfaceAddress ia : addresses) {
      InetAddress a = ia.address();
      if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isAnyLocalAddress()
          && !a.isMulticastAddress()) {
        usable.add(ia);
      }
    }
    usable.sort(Comparator.comparingInt(EmbeddedServer::rank));
    List<URI> out = new ArrayList<>();
    for (InterfaceAddress ia : usable) {
      URI u = URI.create("ws://" + ia.address().getHostAddress() + ":" + port + Protocol.PATH);
      if (!out.contains(u)) {
        out.add(u);
      }
    }
    if (out.isEmpty()) {
      out.add(URI.create("ws://127.0.0.1:" + port + Protocol.PATH));
    }
    return out;
  }

  /** Lower is better: physical before virtual, private LAN ranges before others, link-local last. */
  private static int rank(InterfaceAddress ia) {
    String name = ia.interfaceName().toLowerCase(Locale.ROOT);
    boolean virtual = VIRTUAL_PREFIXES.stream().anyMatch(name::startsWith);
    InetAddress a = ia.address();
    int kind = a.isSiteLocalAddress() ? 0 : a.isLinkLocalAddress() ? 2 : 1;
    return (virtual ? 10 : 0) + kind;
  }
}
