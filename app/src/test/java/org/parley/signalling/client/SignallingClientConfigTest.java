package org.parley.signalling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignallingClientConfigTest {
  private static final URI WS = URI.create("ws://127.0.0.1:8788/signalling");

  static Stream<Arguments> badSettings() {
    return Stream.<Arguments>of(
        Arguments.of("http scheme", URI.create("http://127.0.0.1/x"), "alice", none()),
        Arguments.of("no host", URI.create("ws:/signalling"), "alice", none()),
        Arguments.of("empty user", WS, "", none()),
        Arguments.of("zero timeout", WS, "alice", set(b -> b.requestTimeoutMs(0))),
        Arguments.of("zero heartbeat", WS, "alice", set(b -> b.heartbeatMs(0))),
        Arguments.of("no silence allowance", WS, "alice", set(b -> b.silentHeartbeats(0))),
        Arguments.of("negative give-up", WS, "alice", set(b -> b.giveUpMs(-1))),
        Arguments.of("backoff cap below start", WS, "alice",
            set(b -> b.backoff(1000, 2, 500, 0.2))),
        Arguments.of("jitter of 100 %", WS, "alice", set(b -> b.backoff(500, 2, 8000, 1.0))));
  }

  private static Consumer<SignallingClientConfig.Builder> none() {
    return b -> {};
  }

  private static Consumer<SignallingClientConfig.Builder> set(
      Consumer<SignallingClientConfig.Builder> c) {
    return c;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void rejects(String name, URI uri, String user, Consumer<SignallingClientConfig.Builder> tweak) {
    SignallingClientConfig.Builder b = SignallingClientConfig.builder(uri, user);
    tweak.accept(b);
    assertThrows(IllegalArgumentException.class, b::build, name);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    SignallingClientConfig c = SignallingClientConfig.builder(WS, "alice").build();
    assertEquals(10_000, c.requestTimeoutMs());
    assertEquals(5_000, c.heartbeatMs());
    assertEquals(3, c.silentHeartbeats());
    assertEquals(60_000, c.giveUpMs());
    assertNull(c.token(), "open mode by default");
    assertNull(c.scheduler(), "the client starts its own thread");
  }

  @Test
  void unreadableTrustStoreIsAClearError(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");
    SignallingClientConfig.Builder b = SignallingClientConfig.builder(WS, "alice");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.trustStore(junk, "x".toCharArray()));
    assertTrue(e.getMessage().contains("junk.p12"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> b.trustStore(dir.resolve("missing.p12"), "x".toCharArray()));
  }
}
