package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.signalling.auth.TokenIssuer;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.Protocol;

/** Sessions over real loopback WebSockets: login, kick-out, presence, heartbeat, resume. */
class SessionLoopbackTest {
  private static Message.Builder login(String user, String token) {
    Message.Builder b = Message.builder(MessageType.LOGIN).put("user", user);
    return token == null ? b : b.put("token", token);
  }

  @Test
  void loginWithGoodExpiredForgedOrMissingToken() throws Exception {
    // A long heartbeat: the clock jumps 31 s below, which must not count as silence.
    try (ServerFixture f = new ServerFixture(b -> b.heartbeatMs(30_000))) {
      TestClient c = f.client();
      String shortLived = new TokenIssuer(ServerFixture.SECRET, f.clock)
          .issue("alice", Duration.ofSeconds(30));
      String forged = new TokenIssuer("wrong".getBytes(StandardCharsets.UTF_8), f.clock)
          .issue("alice", Duration.ofHours(1));
      c.awaitError(c.request(login("alice", forged)), ErrorCode.AUTH_FAILED);
      c.awaitError(c.request(login("alice", null)), ErrorCode.AUTH_FAILED);
      c.awaitError(c.request(login("bob", f.token("alice"))), ErrorCode.AUTH_FAILED);
      c.awaitError(c.request(login("bad user", f.token("alice"))), ErrorCode.INVALID_USER);
      c.awaitError(c.request(Message.builder(MessageType.PEERS)), ErrorCode.NOT_LOGGED_IN);
      f.clock.advance(Duration.ofSeconds(31));
      c.awaitError(c.request(login("alice", shortLived)), ErrorCode.TOKEN_EXPIRED);
      Message ok = c.login("alice", f.token("alice"));
      assertEquals("alice", ok.string("user"));
      assertFalse(ok.bool("resumed", true));
      assertEquals(30_000, ok.longValue("heartbeatMs", 0), "the configured heartbeat");
      assertTrue(ok.string("sessionId").length() >= 16);
      assertEquals(0, ok.json("missedCalls").getAsJsonArray().size());
      c.awaitError(c.request(login("alice", f.token("alice"))), ErrorCode.ALREADY_LOGGED_IN);
      assertTrue(c.isOpen(), "errors do not close the connection");
      assertTrue(c.undecodable().isEmpty(), c.undecodable().toString());
    }
  }

  @Test
  void openModeNeedsNoToken() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.open())) {
      TestClient c = f.client();
      c.awaitError(c.request(login("no way", null)), ErrorCode.INVALID_USER);
      Message ok = c.login("carol", null);
      assertEquals("carol", ok.string("user"));
    }
  }

  @Test
  void secondLoginKicksTheFirst() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient first = f.loggedIn("alice");
      TestClient second = f.loggedIn("alice");
      Message kicked = first.await(MessageType.KICKED);
      assertEquals(Protocol.KICK_LOGGED_IN_ELSEWHERE, kicked.string("reason"));
      assertEquals(Protocol.CLOSE_KICKED, first.awaitClose());
      String id = second.request(Message.builder(MessageType.PING));
      second.awaitReply(id, MessageType.PONG);
    }
  }

  @Test
  void presenceOnLoginAndLogout() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.client();
      String id = bob.request(login("bob", f.token("bob")).put("displayName", "Bob B"));
      JsonArray peers = bob.awaitReply(id, MessageType.LOGIN_OK).json("peers").getAsJsonArray();
      assertEquals(1, peers.size());
      assertEquals("alice", peers.get(0).getAsJsonObject().get("user").getAsString());
      assertEquals("online", peers.get(0).getAsJsonObject().get("status").getAsString());

      Message online = alice.await(MessageType.PRESENCE);
      assertEquals("bob", online.string("user"));
      assertEquals("Bob B", online.string("displayName"));
      assertEquals("online", online.string("status"));

      String peersId = alice.request(Message.builder(MessageType.PEERS));
      JsonArray seen = alice.awaitReply(peersId, MessageType.PEERS).json("peers").getAsJsonArray();
      assertEquals(1, seen.size());
      assertEquals("bob", seen.get(0).getAsJsonObject().get("user").getAsString());

      String out = bob.request(Message.builder(MessageType.LOGOUT));
      bob.awaitReply(out, MessageType.LOGGED_OUT);
      assertEquals(1000, bob.awaitClose());
      Message offline = alice.await(MessageType.PRESENCE);
      assertEquals("bob", offline.string("user"));
      assertEquals("offline", offline.string("status"));
    }
  }

  @Test
  void heartbeatSilenceLogsOutAndEndsTheCall() throws Exception {
    try (ServerFixture f = new ServerFixture(
        b -> b.heartbeatMs(1000).reconnectGrace(Duration.ofSeconds(2)))) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.loggedIn("bob");
      String callId = CallLoopbackTest.talk(alice, bob);

      f.clock.advance(Duration.ofMillis(2000));
      bob.awaitReply(bob.request(Message.builder(MessageType.PING)), MessageType.PONG);
      f.clock.advance(Duration.ofMillis(1100)); // alice silent for 3.1 s > 3 x heartbeat
      assertEquals(SignallingCore.CLOSE_HEARTBEAT, alice.awaitClose());
      bob.awaitReply(bob.request(Message.builder(MessageType.PING)), MessageType.PONG);
      assertFalse(bob.has(m -> m.type() == MessageType.CALL_ENDED), "not before the grace");

      f.clock.advance(Duration.ofMillis(2000)); // the grace is over
      Message ended = bob.await(MessageType.CALL_ENDED, callId);
      assertEquals("network", ended.string("reason"));
      Message offline = bob.await(m -> m.type() == MessageType.PRESENCE
          && "offline".equals(m.string("status")), "presence offline");
      assertEquals("alice", offline.string("user"));
      assertTrue(bob.isOpen());
    }
  }

  @Test
  void resumeWithinTheGraceKeepsTheCallAndQueuedPushes() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.client();
      String sessionId = alice.login("alice", f.token("alice")).string("sessionId");
      TestClient bob = f.loggedIn("bob");
      String callId = CallLoopbackTest.talk(alice, bob);

      alice.closeBlocking(); // the network drops
      bob.awaitReply(bob.request(CallLoopbackTest.chat(callId, "are you there?")),
          MessageType.ACK);

      TestClient back = f.client();
      String id = back.request(login("alice", f.token("alice")).put("resume", sessionId));
      Message ok = back.awaitReply(id, MessageType.LOGIN_OK);
      assertTrue(ok.bool("resumed", false));
      assertEquals(sessionId, ok.string("sessionId"));
      Message queued = back.await(MessageType.MESSAGE, callId);
      assertEquals("are you there?", queued.string("content"));
      assertEquals("bob", queued.string("from"));

      back.awaitReply(back.request(Message.builder(MessageType.HANGUP).put("callId", callId)),
          MessageType.ACK);
      assertEquals("alice", bob.await(MessageType.HANGUP, callId).string("from"));
      assertFalse(bob.has(m -> m.type() == MessageType.CALL_ENDED));
    }
  }

  @Test
  void connectionThatNeverLogsInIsClosed() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.heartbeatMs(3_600_000))) {
      TestClient idle = f.client();
      TestClient alice = f.loggedIn("alice");
      idle.awaitReply(idle.request(Message.builder(MessageType.PING)), MessageType.PONG);
      f.clock.advance(SignallingCore.LOGIN_TIMEOUT);
      Message e = idle.await(MessageType.ERROR);
      assertEquals(ErrorCode.NOT_LOGGED_IN.wireName(), e.string("code"));
      assertEquals(Protocol.CLOSE_POLICY, idle.awaitClose());
      alice.awaitReply(alice.request(Message.builder(MessageType.PING)), MessageType.PONG);
    }
  }

  @Test
  void resumeWithAStaleSessionIdIsAFreshLogin() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.client();
      String id = alice.request(login("alice", f.token("alice")).put("resume", "gone"));
      Message ok = alice.awaitReply(id, MessageType.LOGIN_OK);
      assertFalse(ok.bool("resumed", true));
      assertNotEquals("gone", ok.string("sessionId"));
    }
  }
}
