package org.parley.signalling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** The client's state machine, driven by a fake transport and a fake scheduler and clock. */
class SignallingClientTest {
  private static final long HEARTBEAT = 5_000;

  private FakeScheduler scheduler;
  private FakeTransport transport;
  private final List<String> states = new ArrayList<>();
  private final List<Message> pushes = new ArrayList<>();
  private SignallingClient client;

  @BeforeEach
  void setUp() {
    scheduler = new FakeScheduler();
    transport = new FakeTransport(scheduler);
    client = newClient(b -> {});
  }

  private SignallingClient newClient(java.util.function.Consumer<SignallingClientConfig.Builder> f) {
    SignallingClientConfig.Builder b =
        SignallingClientConfig.builder(URI.create("ws://127.0.0.1:1/signalling"), "alice")
            .displayName("Alice")
            .token("tok")
            .scheduler(scheduler)
            .clock(scheduler.clock())
            .transport(transport)
            .random(new Random(7))
            .backoff(500, 2, 8_000, 0) // no jitter: exact delays
            .requestTimeoutMs(3_000)
            .giveUpMs(20_000);
    f.accept(b);
    return new SignallingClient(
        b.build(),
        new SignallingClient.Listener() {
          @Override
          public void onConnectionStateChanged(ConnectionState state, String reason) {
            states.add(state.name());
          }

          @Override
          public void onMessage(Message message) {
            pushes.add(message);
          }
        });
  }

  private static Message loginOk(String re, String session, boolean resumed, String... peers) {
    JsonArray list = new JsonArray();
    for (String p : peers) {
      JsonObject o = new JsonObject();
      o.addProperty("user", p);
      o.addProperty("status", "online");
      list.add(o);
    }
    return Message.builder(MessageType.LOGIN_OK)
        .re(re)
        .put("user", "alice")
        .put("sessionId", session)
        .put("resumed", resumed)
        .put("heartbeatMs", HEARTBEAT)
        .put("peers", list)
        .put("missedCalls", new JsonArray())
        .build();
  }

  /** connect(), the transport opens, the server answers the login. */
  private FakeTransport.FakeConnection login() {
    client.connect();
    scheduler.runDue();
    FakeTransport.FakeConnection c = transport.last();
    c.open();
    scheduler.runDue();
    Message login = c.lastSent();
    c.push(loginOk(login.id(), "s1", false, "bob"));
    scheduler.runDue();
    return c;
  }

  private static Message ack(String re) {
    return Message.builder(MessageType.ACK).re(re).build();
  }

  private static Message invite() {
    return Message.builder(MessageType.INVITE)
        .put("callId", "call-0001")
        .put("to", "bob")
        .put("video", true)
        .put("sdp", "v=0")
        .build();
  }

  private static SignallingException failure(CompletableFuture<Message> f) {
    assertTrue(f.isCompletedExceptionally(), "future should have failed");
    try {
      f.get();
      throw new AssertionError("unreachable");
    } catch (ExecutionException e) {
      return assertInstanceOf(SignallingException.class, e.getCause());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void loginSendsCredentialsAndReportsConnected() {
    FakeTransport.FakeConnection c = login();
    Message login = c.sent.get(0);
    assertEquals(MessageType.LOGIN, login.type());
    assertEquals("alice", login.string("user"));
    assertEquals("tok", login.string("token"));
    assertEquals("Alice", login.string("displayName"));
    assertNull(login.string("resume"), "a first login resumes nothing");
    assertEquals(List.of("CONNECTING", "CONNECTED"), states);
    assertEquals(ConnectionState.CONNECTED, client.state());
    assertEquals(MessageType.LOGIN_OK, pushes.get(0).type(), "login-ok goes to the listener");
    assertEquals("bob", client.lastPeers().get(0).string("user"));
  }

  @Test
  void requestCompletesWithTheReplyCarryingItsId() throws Exception {
    FakeTransport.FakeConnection c = login();
    CompletableFuture<Message> f = client.request(invite());
    scheduler.runDue();
    Message sent = c.lastSent();
    assertEquals(MessageType.INVITE, sent.type());
    assertFalse(f.isDone());
    c.push(ack("nope")); // an ack for something else does not complete it
    scheduler.runDue();
    assertFalse(f.isDone());
    c.push(ack(sent.id()));
    scheduler.runDue();
    assertEquals(MessageType.ACK, f.get().type());
    assertTrue(pushes.stream().noneMatch(m -> m.type() == MessageType.ACK), "replies not pushed");
  }

  @Test
  void requestFailsWithTheServersCode() {
    FakeTransport.FakeConnection c = login();
    CompletableFuture<Message> f = client.request(invite());
    scheduler.runDue();
    c.push(Message.builder(MessageType.ERROR).re(c.lastSent().id())
        .put("code", "NOT_IN_CALL").put("message", "not yours").build());
    scheduler.runDue();
    SignallingException e = failure(f);
    assertEquals(SignallingException.Failure.SERVER_ERROR, e.failure());
    assertEquals(ErrorCode.NOT_IN_CALL, e.code());
  }

  @Test
  void requestTimesOut() {
    login();
    CompletableFuture<Message> f = client.request(invite());
    scheduler.advance(2_999);
    assertFalse(f.isDone());
    scheduler.advance(1);
    assertTrue(failure(f).timeout());
  }

  @Test
  void pushesArriveInOrderAndPresenceUpdatesPeers() {
    FakeTransport.FakeConnection c = login();
    c.push(Message.builder(MessageType.PRESENCE).put("user", "carol").put("status", "busy")
        .build());
    c.push(Message.builder(MessageType.PRESENCE).put("user", "bob").put("status", "offline")
        .build());
    c.push(invite().toBuilder().put("from", "carol").build());
    scheduler.runDue();
    assertEquals(List.of(MessageType.LOGIN_OK, MessageType.PRESENCE, MessageType.PRESENCE,
        MessageType.INVITE), pushes.stream().map(Message::type).toList());
    assertEquals(1, client.lastPeers().size());
    assertEquals("carol", client.lastPeers().get(0).string("user"));
    assertEquals("busy", client.lastPeers().get(0).string("status"));
  }

  @Test
  void heartbeatPingsAndSilenceReconnectsWithResume() {
    FakeTransport.FakeConnection c = login();
    scheduler.advance(HEARTBEAT);
    assertEquals(MessageType.PING, c.lastSent().type());
    scheduler.advance(HEARTBEAT);
    assertEquals(ConnectionState.CONNECTED, client.state(), "10 s of silence is tolerated");
    scheduler.advance(HEARTBEAT);
    assertEquals(ConnectionState.RECONNECTING, client.state(), "15 s of silence is not");
    assertTrue(c.closedByClient);
    assertEquals(1, transport.connections.size());
    scheduler.advance(499);
    assertEquals(1, transport.connections.size(), "first retry waits the initial backoff");
    scheduler.advance(1);
    FakeTransport.FakeConnection c2 = transport.last();
    c2.open();
    scheduler.runDue();
    Message login = c2.lastSent();
    assertEquals("s1", login.string("resume"));
    c2.push(loginOk(login.id(), "s1", true, "bob"));
    scheduler.runDue();
    assertEquals(List.of("CONNECTING", "CONNECTED", "RECONNECTING", "RECONNECTED"), states);
  }

  @Test
  void anyMessageCountsAsLife() {
    FakeTransport.FakeConnection c = login();
    for (int i = 0; i < 10; i++) {
      scheduler.advance(HEARTBEAT);
      c.push(Message.builder(MessageType.PONG).re(c.lastSent().id()).build());
      scheduler.runDue();
    }
    assertEquals(ConnectionState.CONNECTED, client.state());
    assertEquals(11, c.sent.size(), "login + 10 pings");
  }

  @Test
  void watchModeLogsInWithPresenceWatchAndRewatchesAfterANewSession() throws Exception {
    client = newClient(b -> b.presenceMode(PresenceMode.WATCH));
    FakeTransport.FakeConnection c = login();
    assertEquals("watch", c.sent.get(0).string("presence"));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add("u" + i);
    }
    CompletableFuture<Message> done = client.watch(many);
    scheduler.runDue();
    assertEquals(3, c.sent.size(), "login + 256 users + 44 users");
    Message first = c.sent.get(1);
    assertEquals(MessageType.WATCH, first.type());
    assertEquals(256, first.json("users").getAsJsonArray().size());
    assertEquals(44, c.sent.get(2).json("users").getAsJsonArray().size());
    assertFalse(c.sent.get(2).bool("replace", true));
    c.push(ack(first.id()));
    scheduler.runDue();
    assertFalse(done.isDone(), "waits for every ack");
    c.push(ack(c.sent.get(2).id()));
    c.push(Message.builder(MessageType.PRESENCE).put("user", "u7").put("status", "busy")
        .build());
    scheduler.runDue();
    assertEquals(c.sent.get(2).id(), done.get().re());
    assertTrue(client.lastPeers().stream().anyMatch(m -> "u7".equals(m.string("user"))
        && "busy".equals(m.string("status"))), client.lastPeers().toString());

    // The connection drops; the server lost the session: the list goes out again, replacing.
    c.drop(1006, "gone");
    scheduler.advance(500);
    FakeTransport.FakeConnection c2 = transport.last();
    c2.open();
    scheduler.runDue();
    c2.push(loginOk(c2.lastSent().id(), "s2", false));
    scheduler.runDue();
    assertEquals(3, c2.sent.size(), "login + the watch list in two messages");
    assertTrue(c2.sent.get(1).bool("replace", false));
    assertFalse(c2.sent.get(2).bool("replace", true));
    assertEquals(300, c2.sent.get(1).json("users").getAsJsonArray().size()
        + c2.sent.get(2).json("users").getAsJsonArray().size());
  }

  @Test
  void allModeSendsNoPresenceFieldAndWatchRejectsBadIds() {
    FakeTransport.FakeConnection c = login();
    assertFalse(c.sent.get(0).has("presence"), "the default stays wire-compatible");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> client.watch(List.of("bob", "not valid")));
    scheduler.runDue();
    assertEquals(1, c.sent.size(), "nothing sent for a bad list");
  }

  @Test
  void failedReconnectsBackOffThenGiveUp() {
    FakeTransport.FakeConnection c = login();
    long dropAt = scheduler.now();
    c.drop(1006, "gone");
    scheduler.runDue();
    assertEquals(ConnectionState.RECONNECTING, client.state());
    transport.refuse = true; // every attempt fails at once
    scheduler.advance(120_000);
    List<Long> gaps = new ArrayList<>();
    long prev = dropAt;
    for (long t : transport.openTimes.subList(1, transport.openTimes.size())) {
      gaps.add(t - prev);
      prev = t;
    }
    // the last wait is cut short so that one attempt falls exactly on the 20 s give-up time
    assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 4_500L), gaps);
    assertTrue(transport.openTimes.get(transport.openTimes.size() - 1) - dropAt <= 20_000,
        "no attempt after the give-up time");
    assertEquals(ConnectionState.RECONNECT_FAILED, client.state());
    assertEquals(List.of("CONNECTING", "CONNECTED", "RECONNECTING", "RECONNECT_FAILED"), states);
    assertEquals(0, scheduler.pending(), "no timer left behind");
  }

  @Test
  void sendsWhileReconnectingAreQueuedThenFlushedInOrder() throws Exception {
    FakeTransport.FakeConnection c = login();
    CompletableFuture<Message> inFlight = client.request(invite());
    scheduler.runDue();
    c.drop(1006, "gone");
    scheduler.runDue();
    assertEquals(SignallingException.Failure.DISCONNECTED, failure(inFlight).failure());
    client.send(Message.builder(MessageType.RINGING).put("callId", "call-0001").build());
    CompletableFuture<Message> queued = client.request(
        Message.builder(MessageType.HANGUP).put("callId", "call-0001").build());
    scheduler.advance(500);
    FakeTransport.FakeConnection c2 = transport.last();
    c2.open();
    scheduler.runDue();
    assertEquals(1, c2.sent.size(), "nothing but login before login-ok");
    c2.push(loginOk(c2.lastSent().id(), "s1", true));
    scheduler.runDue();
    assertEquals(List.of(MessageType.LOGIN, MessageType.RINGING, MessageType.HANGUP),
        c2.sent.stream().map(Message::type).toList());
    c2.push(ack(c2.lastSent().id()));
    scheduler.runDue();
    assertEquals(MessageType.ACK, queued.get().type());
  }

  @Test
  void queueIsBounded() {
    client = newClient(b -> b.sendQueueLimit(2));
    List<CompletableFuture<Message>> fs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fs.add(client.request(invite()));
    }
    scheduler.runDue();
    assertFalse(fs.get(0).isDone());
    assertFalse(fs.get(1).isDone());
    assertEquals(SignallingException.Failure.CLOSED, failure(fs.get(2)).failure());
  }

  @Test
  void kickedStopsForGood() {
    FakeTransport.FakeConnection c = login();
    c.push(Message.builder(MessageType.KICKED).put("reason", "logged-in-elsewhere").build());
    c.drop(4001, "kicked");
    scheduler.runDue();
    assertEquals(ConnectionState.KICKED_OUT, client.state());
    assertEquals(MessageType.KICKED, pushes.get(pushes.size() - 1).type());
    scheduler.advance(120_000);
    assertEquals(1, transport.connections.size(), "no reconnect after kicked");
    CompletableFuture<Message> f = client.request(invite());
    scheduler.runDue();
    assertEquals(SignallingException.Failure.CLOSED, failure(f).failure());
  }

  @Test
  void logoutTellsTheServerAndStops() {
    FakeTransport.FakeConnection c = login();
    client.logout();
    scheduler.runDue();
    assertEquals(MessageType.LOGOUT, c.lastSent().type());
    assertTrue(c.closedByClient);
    assertEquals(ConnectionState.LOGGED_OUT, client.state());
    scheduler.advance(120_000);
    assertEquals(1, transport.connections.size());
    assertEquals(0, scheduler.pending(), "no timer left behind");
  }

  @Test
  void refusedLoginEndsLoggedOutWithTheCode() {
    client.connect();
    scheduler.runDue();
    FakeTransport.FakeConnection c = transport.last();
    c.open();
    scheduler.runDue();
    c.push(Message.builder(MessageType.ERROR).re(c.lastSent().id())
        .put("code", "AUTH_FAILED").put("message", "bad token").build());
    scheduler.runDue();
    assertEquals(List.of("CONNECTING", "LOGGED_OUT"), states);
    scheduler.advance(60_000);
    assertEquals(1, transport.connections.size());
  }

  @Test
  void firstConnectRetriesUntilTheServerAnswers() {
    client.connect();
    scheduler.runDue();
    transport.last().drop(1006, "refused");
    scheduler.runDue();
    assertEquals(ConnectionState.CONNECTING, client.state());
    scheduler.advance(500);
    assertEquals(2, transport.connections.size());
    FakeTransport.FakeConnection c = transport.last();
    c.open();
    scheduler.runDue();
    c.push(loginOk(c.lastSent().id(), "s9", false));
    scheduler.runDue();
    assertEquals(List.of("CONNECTING", "CONNECTED"), states);
  }

  @Test
  void silentLoginIsAbandonedAndRetried() {
    client.connect();
    scheduler.runDue();
    transport.last().open();
    scheduler.advance(5_000 + 3_000); // connect timeout + request timeout
    assertTrue(transport.connections.get(0).closedByClient);
    scheduler.advance(500);
    assertEquals(2, transport.connections.size());
  }

  @Test
  void closeLogsOutAndFailsWaiters() {
    FakeTransport.FakeConnection c = login();
    CompletableFuture<Message> f = client.request(invite());
    scheduler.runDue();
    client.close();
    scheduler.runDue();
    assertEquals(ConnectionState.LOGGED_OUT, client.state());
    assertEquals(MessageType.LOGOUT, c.lastSent().type());
    assertEquals(SignallingException.Failure.CLOSED, failure(f).failure());
    assertEquals(SignallingException.Failure.CLOSED, failure(client.request(invite())).failure());
  }
}
