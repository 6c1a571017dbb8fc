package org.parley.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.app.embedded.EmbeddedServer.InterfaceAddress;
import org.parley.signalling.client.ConnectionState;
import org.parley.signalling.client.SignallingClient;
import org.parley.signalling.client.SignallingClientConfig;
import org.parley.signalling.protocol.Message;

class EmbeddedServerTest {
  private static final int WAIT_S = 30;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private EmbeddedServer started(int firstPort, int attempts, EmbeddedServer.Companion c)
      throws IOException {
    EmbeddedServer s = EmbeddedServer.start(firstPort, attempts, c);
    toClose.add(s);
    return s;
  }

  @Test
  void aRealClientLogsInAndTheCompanionRunsUntilClose() throws Exception {
    AtomicReference<URI> companionUri = new AtomicReference<>();
    AtomicBoolean companionClosed = new AtomicBoolean();
    EmbeddedServer server = started(0, 1, uri -> {
      companionUri.set(uri);
      return () -> companionClosed.set(true);
    });
    assertTrue(server.port() > 0);
    assertEquals(URI.create("ws://127.0.0.1:" + server.port() + "/signalling"), server.localUri());
    assertEquals(server.localUri(), companionUri.get());

    BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    SignallingClient client = new SignallingClient(
        SignallingClientConfig.builder(server.localUri(), "alice").displayName("Alice").build(),
        new SignallingClient.Listener() {
          @Override
          public void onConnectionStateChanged(ConnectionState state, String reason) {
            states.add(state);
          }

          @Override
          public void onMessage(Message message) {}
        });
    toClose.add(client);
    client.connect();
    ConnectionState s;
    do {
      s = states.poll(WAIT_S, TimeUnit.SECONDS);
      assertNotNull(s, "no login within " + WAIT_S + " s");
    } while (s == ConnectionState.CONNECTING);
    assertEquals(ConnectionState.CONNECTED, s, "open mode lets any user in");

    client.close();
    server.close();
    assertTrue(companionClosed.get());
    server.close(); // idempotent
  }

  @Test
  void aTakenPortMovesToTheNextFreeOne() throws Exception {
    int first = freePort();
    try (ServerSocket blocker = new ServerSocket()) {
      blocker.bind(new InetSocketAddress("0.0.0.0", first));
      EmbeddedServer server = started(first, 10, null);
      assertTrue(server.port() > first && server.port() < first + 10, "port " + server.port());
      assertTrue(server.localUri().toString().endsWith(":" + server.port() + "/signalling"));
    }
  }

  @Test
  void noFreePortIsAClearError() throws Exception {
    int first = freePort();
    try (ServerSocket blocker = new ServerSocket()) {
      blocker.bind(new InetSocketAddress("0.0.0.0", first));
      IOException e = assertThrows(IOException.class, () -> started(first, 1, null));
      assertTrue(e.getMessage().startsWith("no free port from " + first + " to " + first),
          e.getMessage());
    }
  }

  @Test
  void aFailingCompanionLeavesTheServerRunning() throws Exception {
    EmbeddedServer server = started(0, 1, uri -> {
      throw new IllegalStateException("echo bot broken");
    });
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      assertTrue(s.isConnected());
    }
  }

  @Test
  void refusesTheSwingThread() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    EventQueue.invokeAndWait(() -> {
      try {
        EmbeddedServer.start(0, 1, null).close();
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
  }

  @Test
  void lanAddressesAreWellFormed() throws Exception {
    EmbeddedServer server = started(0, 1, null);
    List<URI> uris = server.lanAddresses();
    assertFalse(uris.isEmpty());
    assertEquals(uris.get(0), server.lanUri());
    for (URI u : uris) {
      assertEquals("ws", u.getScheme());
      assertEquals(server.port(), u.getPort());
      assertEquals("/signalling", u.getPath());
      InetAddress a = InetAddress.getByName(u.getHost());
      assertTrue(a instanceof java.net.Inet4Address, u.toString());
      assertTrue(!a.isLoopbackAddress() || uris.size() == 1, "loopback only when alone: " + uris);
    }
  }

  private static InterfaceAddress ia(String name, String ip) {
    try {
      return new InterfaceAddress(name, InetAddress.getByName(ip));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Stream<Arguments> orderings() {
    return Stream.of(
        Arguments.of("loopback only", List.of(ia("lo", "127.0.0.1"), ia("lo", "::1")),
            List.of("127.0.0.1")),
        Arguments.of("LAN before docker, no IPv6, no loopback",
            List.of(ia("lo", "127.0.0.1"), ia("docker0", "172.17.0.1"),
                ia("eth0", "fe80::1"), ia("eth0", "192.168.1.20")),
            List.of("192.168.1.20", "172.17.0.1")),
        Arguments.of("private before public before link-local",
            List.of(ia("wlan0", "169.254.3.4"), ia("eth1", "203.0.113.5"), ia("eth0", "10.0.0.7")),
            List.of("10.0.0.7", "203.0.113.5", "169.254.3.4")),
        Arguments.of("duplicates once", List.of(ia("eth0", "10.0.0.7"), ia("eth0:1", "10.0.0.7")),
            List.of("10.0.0.7")),
        Arguments.of("VPN last", List.of(ia("tun0", "10.8.0.2"), ia("enp3s0", "192.168.0.9")),
            List.of("192.168.0.9", "10.8.0.2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orderings")
  void lanUrisOrder(String name, List<InterfaceAddress> input, List<String> hosts) {
    List<String> expected = hosts.stream().map(h -> "ws://" + h + ":8788/signalling").toList();
    assertEquals(expected, EmbeddedServer.lanUris(8788, input).stream().map(URI::toString).toList());
  }
}
