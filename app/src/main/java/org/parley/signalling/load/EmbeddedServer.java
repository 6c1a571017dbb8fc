package org.parley.signalling.load;

import java.io.IOException;
import java.net.URI;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * A {@link SignallingServer} started in this process for {@code --embedded}: open mode, on a
 * free loopback port, room for the load test's clients. The rate limit is the protocol default.
 * While it runs, the server's per-login INFO lines are muted (thousands of logins would drown the
 * report and cost CPU); warnings still show.
 */
final class EmbeddedServer implements AutoCloseable {
  private final SignallingServer server;
  private static final java.util.logging.Logger SERVER_LOG =
      java.util.logging.Logger.getLogger("org.parley.signalling.server");
  private final URI uri;
  private final java.util.logging.Level oldLevel;

  private EmbeddedServer(SignallingServer server, URI uri, java.util.logging.Level oldLevel) {
    this.server = server;
    this.uri = uri;
    this.oldLevel = oldLevel;
  }

  /**
   * Starts the server for up to {@code maxClients} connections.
   *
   * @throws IllegalStateException when it cannot listen
   */
  static EmbeddedServer start(int maxClients) {
    java.util.logging.Level oldLevel = SERVER_LOG.getLevel();
    SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    SignallingServer server = new SignallingServer(ServerConfig.builder()
        .bindAddress("127.0.0.1")
        .port(0)
        .open()
        .maxClients(maxClients)
        .build());
    try {
      server.start();
    } catch (IOException e) {
      SERVER_LOG.setLevel(oldLevel);
      throw new IllegalStateException("cannot start the embedded server: " + e.getMessage(), e);
    }
    return new EmbeddedServer(server,
        URI.create("ws://127.0.0.1:" + server.port() + SignallingServer.path()), oldLevel);
  }

  URI uri() {
    return uri;
  }

  @Override
  public void close() {
    server.close();
    SERVER_LOG.setLevel(oldLevel);
  }
}
