package org.parley.signalling.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.parley.signalling.auth.Authenticator;
import org.parley.signalling.protocol.Protocol;

/**
 * The Parley signalling server ({@code docs/signalling-protocol.md}), embeddable: construct
 * with a {@link ServerConfig}, {@link #start()} (returns once listening), {@link #close()}.
 * All protocol state lives on one core thread, which also runs the sweeper (heartbeat, reconnect
 * grace, ring timeout) every {@link ServerConfig#sweepInterval()}; every decision uses the
 * configured clock. Serves wss when the config has a keystore. Callers must handle
 * {@link IOException} from start (port taken, unreadable keystore).
 */
public final class SignallingServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SignallingServer.class.getName());
  private static final long START_TIMEOUT_SECONDS = 30;
  /**
   * System property: "true" turns the {@link SelectedKeyPurge} workaround on. Off by default
   * until it has run longer: its first versions lost a reply now and then (see there).
   */
  static final String KEY_PURGE_PROPERTY = "parley.signalling.keyPurge";
  /** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn). */
  static final int ACCEPT_BACKLOG = 1024;

  private final ServerConfig config;
  private final SignallingCore core;
  private final ScheduledThreadPoolExecutor coreThread;
  private final WsEndpoint endpoint;
  private boolean started;
  private boolean closed;

  public SignallingServer(ServerConfig config) {
    this.config = config;
    byte[] secret = config.secret();
    Authenticator auth = config.isOpen() ? Authenticator.open()
        : Authenticator.hmac(secret, config.clock());
    this.core = new SignallingCore(config, auth);
    this.coreThread = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "parley-signalling-core");
      t.setDaemon(true);
      return t;
    });
    this.endpoint = new WsEndpoint(new InetSocketAddress(config.bindAddress(), config.port()),
        core, coreThread);
    endpoint.setReuseAddr(true);
    endpoint.setTcpNoDelay(true); // no Nagle delay on small replies
    // The accept backlog: the library's default (50) overflows when hundreds of clients connect
    // at once (a server restart), and each dropped SYN costs the client 1-7 s of TCP retry.
    endpoint.setMaxPendingConnections(ACCEPT_BACKLOG);
    endpoint.setDaemon(true);
    // The protocol's own heartbeat decides liveness; the library's ping is only a backstop
    // that reaps half-closed sockets.
    endpoint.setConnectionLostTimeout((int) Math.max(60, 6 * config.heartbeatMs() / 1000));
  }

  /**
   * Starts listening and returns once the socket is bound.
   *
   * @throws IOException when the port cannot be bound or the keystore cannot be used
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() throws IOException {
    if (started || closed) {
      throw new IllegalStateException(closed ? "closed" : "already started");
    }
    started = true;
    if (config.keystore() != null) {
      endpoint.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(sslContext()));
    } else if (Boolean.parseBoolean(System.getProperty(KEY_PURGE_PROPERTY, "false"))) {
      endpoint.setWebSocketFactory(new SelectedKeyPurge());
    }
    endpoint.start();
    try {
      if (!endpoint.started.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        close();
        throw new IOException("the server did not start within " + START_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted while starting", e);
    }
    Exception failure = endpoint.startFailure.get();
    if (failure != null) {
      close();
      throw new IOException("cannot listen on " + config.bindAddress() + ":" + config.port()
          + ": " + failure.getMessage(), failure);
    }
    long sweepMs = Math.max(1, config.sweepInterval().toMillis());
    coreThread.scheduleWithFixedDelay(this::sweep, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    LOG.log(System.Logger.Level.INFO, "signalling server listening on {0}:{1} ({2}, {3})",
        config.bindAddress(), String.valueOf(port()), isSecure() ? "wss" : "ws",
        config.isOpen() ? "open mode" : "token mode");
  }

  private void sweep() {
    try {
      int stalled = endpoint.rearmStalledWrites();
      if (stalled > 0) {
        LOG.log(System.Logger.Level.DEBUG, "re-armed {0} stalled writes", stalled);
      }
      core.sweep();
    } catch (RuntimeException e) {
      // A failed sweep must not cancel the schedule.
      LOG.log(System.Logger.Level.ERROR, "sweep failed", e);
    }
  }

  /** The port listened on (the real one when the config said 0). */
  public int port() {
    return endpoint.getPort();
  }

  /** Whether this server speaks wss. */
  public boolean isSecure() {
    return config.keystore() != null;
  }

  /** The URL path clients connect to. */
  public static String path() {
    return Protocol.PATH;
  }

  /** Stops listening, closes every connection (1001) and the core thread. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      coreThread.submit(core::shutdown).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "shutdown of the core did not finish", e);
    }
    if (started) {
      try {
        endpoint.stop(2000, "server shutting down");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    coreThread.shutdownNow();
  }

  private SSLContext sslContext() throws IOException {
    char[] password = config.keystorePassword();
    try (InputStream in = Files.newInputStream(config.keystore())) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the keystore " + config.keystore() + ": "
          + e.getMessage(), e);
    }
  }
}
