package org.parley.signalling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * The client against the real {@link SignallingServer} over loopback sockets: login, requests,
 * pushes, a reconnect that resumes the session with its call, kicked, logout, wss with a
 * self-signed certificate, and no thread left behind. Waits for events with generous deadlines;
 * asserts no durations.
 */
class SignallingClientLoopbackTest {
  private static final long WAIT_S = 20;
  private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** Records what a client reports; the test waits on it. */
  private static final class Recorder implements SignallingClient.Listener {
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final List<ConnectionState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicBoolean overlapping = new AtomicBoolean();
    private final AtomicBoolean inside = new AtomicBoolean();

    @Override
    public void onConnectionStateChanged(ConnectionState state, String reason) {
      enter();
      states.add(state);
      events.add(state);
      inside.set(false);
    }

    @Override
    public void onMessage(Message message) {
      enter();
      events.add(message);
      inside.set(false);
    }

    private void enter() {
      if (!inside.compareAndSet(false, true)) {
        overlapping.set(true);
      }
    }

    ConnectionState awaitState(ConnectionState wanted) throws InterruptedException {
      awaitEvent(e -> e == wanted, "state " + wanted);
      return wanted;
    }

    Message awaitMessage(MessageType type) throws InterruptedException {
      return (Message) awaitEvent(
          e -> e instanceof Message && ((Message) e).type() == type, "message " + type);
    }

    private Object awaitEvent(Predicate<Object> p, String what) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
      List<Object> skipped = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        Object e = events.poll(100, TimeUnit.MILLISECONDS);
        if (e != null) {
          if (p.test(e)) {
            return e;
          }
          skipped.add(e);
        }
      }
      fail("no " + what + " within " + WAIT_S + " s; saw " + skipped);
      return null;
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private SignallingServer startServer(ServerConfig.Builder b) throws Exception {
    SignallingServer server = new SignallingServer(b.bindAddress("127.0.0.1").open().build());
    server.start();
    toClose.add(server);
    return server;
  }

  private static ServerConfig.Builder serverConfig(int port) {
    return ServerConfig.builder().port(port);
  }

  private static URI uri(String scheme, String host, int port) {
    return URI.create(scheme + "://" + host + ":" + port + SignallingServer.path());
  }

  private SignallingClient client(URI uri, String user, Recorder r,
      java.util.function.Consumer<SignallingClientConfig.Builder> tweak) {
    SignallingClientConfig.Builder b = SignallingClientConfig.builder(uri, user)
        .displayName(user.toUpperCase(java.util.Locale.ROOT))
        .requestTimeoutMs(10_000);
    tweak.accept(b);
    SignallingClient c = new SignallingClient(b.build(), r);
    toClose.add(c);
    return c;
  }

  private static Message invite(String callId, String to) {
    return Message.builder(MessageType.INVITE).put("callId", callId).put("to", to)
        .put("video", true).put("sdp", SDP).build();
  }

  private static Message call(MessageType type, String callId) {
    Message.Builder b = Message.builder(type).put("callId", callId);
    if (type == MessageType.ACCEPT) {
      b.put("video", false).put("sdp", SDP);
    }
    return b.build();
  }

  private static Message get(CompletableFuture<Message> f) throws Exception {
    return f.get(WAIT_S, TimeUnit.SECONDS);
  }

  @Test
  void loginRequestsAndPushes() throws Exception {
    SignallingServer server = startServer(serverConfig(0));
    URI uri = uri("ws", "127.0.0.1", server.port());
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    SignallingClient alice = client(uri, "alice", ra, b -> {});
    SignallingClient bob = client(uri, "bob", rb, b -> {});
    alice.connect();
    ra.awaitState(ConnectionState.CONNECTED);
    assertEquals(MessageType.LOGIN_OK, ra.awaitMessage(MessageType.LOGIN_OK).type());
    bob.connect();
    rb.awaitState(ConnectionState.CONNECTED);
    Message presence = ra.awaitMessage(MessageType.PRESENCE);
    assertEquals("bob", presence.string("user"));
    assertEquals(List.of("alice"), users(bob.lastPeers()));
    assertEquals(List.of("bob"), users(alice.lastPeers()));
    assertEquals(MessageType.PEERS, get(alice.request(Message.builder(MessageType.PEERS)
        .build())).type());

    String callId = "call-" + java.util.UUID.randomUUID();
    assertEquals(MessageType.ACK, get(alice.request(invite(callId, "bob"))).type());
    Message inv = rb.awaitMessage(MessageType.INVITE);
    assertEquals("alice", inv.string("from"));
    assertEquals(callId, inv.string("callId"));
    bob.send(call(MessageType.RINGING, callId));
    assertEquals("bob", ra.awaitMessage(MessageType.RINGING).string("from"));
    assertEquals(MessageType.ACK, get(bob.request(call(MessageType.ACCEPT, callId))).type());
    ra.awaitMessage(MessageType.ACCEPT);
    assertEquals(MessageType.ACK, get(alice.request(call(MessageType.HANGUP, callId))).type());
    rb.awaitMessage(MessageType.HANGUP);

    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> get(alice.request(call(MessageType.HANGUP, callId))));
    SignallingException se = assertInstanceOf(SignallingException.class, e.getCause());
    assertEquals(ErrorCode.UNKNOWN_CALL, se.code());
    assertFalse(ra.overlapping.get() || rb.overlapping.get(), "callbacks never overlap");
  }

  @Test
  void reconnectAfterADropResumesTheSessionAndItsCall() throws Exception {
    SignallingServer server = startServer(serverConfig(0));
    TcpProxy proxy = new TcpProxy(server.port());
    toClose.add(proxy);
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    SignallingClient alice = client(uri("ws", "127.0.0.1", proxy.port()), "alice", ra, b -> {});
    SignallingClient bob = client(uri("ws", "127.0.0.1", server.port()), "bob", rb, b -> {});
    alice.connect();
    bob.connect();
    ra.awaitState(ConnectionState.CONNECTED);
    rb.awaitState(ConnectionState.CONNECTED);
    String callId = "call-" + java.util.UUID.randomUUID();
    get(alice.request(invite(callId, "bob")));
    rb.awaitMessage(MessageType.INVITE);
    get(bob.request(call(MessageType.ACCEPT, callId)));
    ra.awaitMessage(MessageType.ACCEPT);

    proxy.cutAll(); // network outage for alice only
    ra.awaitState(ConnectionState.RECONNECTING);
    bob.send(Message.builder(MessageType.MESSAGE).put("callId", callId).put("msgType", "text")
        .put("content", "are you there?").build());
    ra.awaitState(ConnectionState.RECONNECTED);
    Message ok = ra.awaitMessage(MessageType.LOGIN_OK);
    assertTrue(ok.bool("resumed", false), "the session is resumed: " + ok);
    assertEquals("are you there?", ra.awaitMessage(MessageType.MESSAGE).string("content"),
        "a push queued during the outage arrives after the resume");
    assertEquals(MessageType.ACK, get(alice.request(call(MessageType.HANGUP, callId))).type(),
        "the call survived the outage");
    rb.awaitMessage(MessageType.HANGUP);
    assertTrue(rb.events.stream().noneMatch(e -> e instanceof Message
        && ((Message) e).type() == MessageType.CALL_ENDED), "bob saw no call-ended");
  }

  @Test
  void aSilentPathIsDetectedByTheHeartbeatAndResumed() throws Exception {
    // heartbeat 500 ms: the client gives up on a path silent for 1.5 s, well inside the grace
    SignallingServer server = startServer(serverConfig(0).heartbeatMs(500));
    TcpProxy proxy = new TcpProxy(server.port());
    toClose.add(proxy);
    Recorder ra = new Recorder();
    SignallingClient alice = client(uri("ws", "127.0.0.1", proxy.port()), "alice", ra, b -> {});
    alice.connect();
    ra.awaitState(ConnectionState.CONNECTED);
    assertEquals(500, ra.awaitMessage(MessageType.LOGIN_OK).longValue("heartbeatMs", 0));
    proxy.freezeAll(); // no close, no reset: only silence
    ra.awaitState(ConnectionState.RECONNECTING);
    ra.awaitState(ConnectionState.RECONNECTED);
    assertTrue(ra.awaitMessage(MessageType.LOGIN_OK).bool("resumed", false));
  }

  @Test
  void serverRestartGivesANewSession() throws Exception {
    SignallingServer server = startServer(serverConfig(0));
    int port = server.port();
    Recorder ra = new Recorder();
    SignallingClient alice = client(uri("ws", "127.0.0.1", port), "alice", ra, b -> {});
    alice.connect();
    ra.awaitState(ConnectionState.CONNECTED);
    ra.awaitMessage(MessageType.LOGIN_OK);
    server.close();
    ra.awaitState(ConnectionState.RECONNECTING);
    startServer(serverConfig(port));
    ra.awaitState(ConnectionState.RECONNECTED);
    assertFalse(ra.awaitMessage(MessageType.LOGIN_OK).bool("resumed", true),
        "a new server knows nothing of the old session");
  }

  @Test
  void secondLoginKicksTheFirstAndLogoutIsFinal() throws Exception {
    SignallingServer server = startServer(serverConfig(0));
    URI uri = uri("ws", "127.0.0.1", server.port());
    Recorder r1 = new Recorder();
    Recorder r2 = new Recorder();
    Recorder rw = new Recorder();
    SignallingClient first = client(uri, "alice", r1, b -> {});
    SignallingClient watcher = client(uri, "carol", rw, b -> {});
    first.connect();
    watcher.connect();
    r1.awaitState(ConnectionState.CONNECTED);
    rw.awaitState(ConnectionState.CONNECTED);
    SignallingClient second = client(uri, "alice", r2, b -> {});
    second.connect();
    r2.awaitState(ConnectionState.CONNECTED);
    assertEquals("logged-in-elsewhere", r1.awaitMessage(MessageType.KICKED).string("reason"));
    r1.awaitState(ConnectionState.KICKED_OUT);

    second.logout();
    r2.awaitState(ConnectionState.LOGGED_OUT);
    Message offline;
    do {
      offline = rw.awaitMessage(MessageType.PRESENCE);
    } while (!"offline".equals(offline.string("status")));
    assertEquals("alice", offline.string("user"));
    Thread.sleep(1500); // a wrong reconnect would show up here; no duration is asserted
    assertEquals(ConnectionState.KICKED_OUT, first.state());
    assertEquals(ConnectionState.LOGGED_OUT, second.state());
    assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
        ConnectionState.KICKED_OUT), r1.states);
  }

  @Test
  void wssWithASelfSignedCertificate(@TempDir Path dir) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    SignallingServer server = startServer(serverConfig(0)
        .keystore(certs.keystore, TestCertificates.PASSWORD));
    Recorder trusted = new Recorder();
    SignallingClient good = client(uri("wss", "localhost", server.port()), "alice", trusted,
        b -> b.trustStore(certs.truststore, TestCertificates.PASSWORD));
    good.connect();
    trusted.awaitState(ConnectionState.CONNECTED);

    Recorder untrusted = new Recorder();
    SignallingClient bad = client(uri("wss", "localhost", server.port()), "bob", untrusted,
        b -> b.giveUpMs(1_000).backoff(100, 2, 200, 0.2));
    bad.connect();
    untrusted.awaitState(ConnectionState.RECONNECT_FAILED);
    assertFalse(untrusted.states.contains(ConnectionState.CONNECTED),
        "a certificate the client does not trust is refused");
  }

  @Test
  void closeLeavesNoThreadBehind() throws Exception {
    SignallingServer server = startServer(serverConfig(0));
    URI uri = uri("ws", "127.0.0.1", server.port());
    Set<String> before = clientThreads();
    List<SignallingClient> clients = new ArrayList<>();
    List<Recorder> recorders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Recorder r = new Recorder();
      SignallingClient c = client(uri, "user" + i, r, b -> {});
      c.connect();
      clients.add(c);
      recorders.add(r);
    }
    for (Recorder r : recorders) {
      r.awaitState(ConnectionState.CONNECTED);
    }
    assertTrue(clientThreads().size() >= before.size() + 5 * 3,
        "each client runs its own thread plus the transport's: " + clientThreads());
    for (SignallingClient c : clients) {
      c.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    Set<String> left = clientThreads();
    while (!left.equals(before) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = clientThreads();
    }
    assertEquals(before, left, "threads left behind");
  }

  /** Threads of signalling clients: ours and Java-WebSocket's client threads. */
  private static Set<String> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("parley-sigclient-") || n.startsWith("WebSocketConnectReadThread")
            || n.startsWith("WebSocketWriteThread"))
        .collect(Collectors.toSet());
  }

  private static List<String> users(List<Message> peers) {
    return peers.stream().map(m -> m.string("user")).sorted().collect(Collectors.toList());
  }
}
