package org.parley.signalling.server;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.parley.signalling.auth.TokenIssuer;

/**
 * A server on a free loopback port with a hand-moved clock and a fast sweeper, plus the clients
 * a test opens; closes them all.
 */
final class ServerFixture implements AutoCloseable {
  static final byte[] SECRET = "test-secret".getBytes(StandardCharsets.UTF_8);

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  final SignallingServer server;
  private final List<TestClient> clients = new ArrayList<>();

  /** Token mode, protocol defaults, tweaked by {@code tweak}. */
  ServerFixture(UnaryOperator<ServerConfig.Builder> tweak) throws Exception {
    ServerConfig.Builder b = ServerConfig.builder().bindAddress("127.0.0.1").port(0)
        .secret(SECRET).clock(clock).sweepInterval(Duration.ofMillis(20));
    server = new SignallingServer(tweak.apply(b).build());
    server.start();
  }

  ServerFixture() throws Exception {
    this(b -> b);
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/signalling");
  }

  String token(String user) {
    return new TokenIssuer(SECRET, clock).issue(user, Duration.ofHours(1));
  }

  TestClient client() throws InterruptedException {
    TestClient c = new TestClient(uri());
    clients.add(c);
    return c.open();
  }

  /** A client logged in as {@code user} with a good token. */
  TestClient loggedIn(String user) throws InterruptedException {
    TestClient c = client();
    c.login(user, token(user));
    return c;
  }

  @Override
  public void close() {
    for (TestClient c : clients) {
      try {
        c.closeBlocking();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.close();
  }
}
