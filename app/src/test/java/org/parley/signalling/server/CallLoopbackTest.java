package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.signalling.protocol.CallIds;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** Calls over real loopback WebSockets: the full flow, busy, offline, reject, cancel, errors. */
class CallLoopbackTest {
  static final String OFFER = "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  static final String ANSWER = "v=0\r\no=bob 2 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  static Message.Builder invite(String callId, String to) {
    return Message.builder(MessageType.INVITE).put("callId", callId).put("to", to)
        .put("video", true).put("sdp", OFFER).put("extraParam", "{\"k\":1}");
  }

  static Message.Builder chat(String callId, String text) {
    return Message.builder(MessageType.MESSAGE).put("callId", callId).put("msgType", "text")
        .put("content", text);
  }

  /** Caller invites, callee accepts; returns the call id once both sides are talking. */
  static String talk(TestClient caller, TestClient callee) throws InterruptedException {
    String callId = CallIds.newId();
    caller.awaitReply(caller.request(invite(callId, callee.user)), MessageType.ACK);
    callee.await(MessageType.INVITE, callId);
    callee.awaitReply(callee.request(Message.builder(MessageType.ACCEPT).put("callId", callId)
        .put("video", true).put("sdp", ANSWER)), MessageType.ACK);
    caller.await(MessageType.ACCEPT, callId);
    return callId;
  }

  @Test
  void fullCallIsForwardedWithFrom() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.loggedIn("bob");
      String callId = CallIds.newId();
      String inviteId = alice.request(invite(callId, "bob"));
      alice.awaitReply(inviteId, MessageType.ACK);
      Message in = bob.await(MessageType.INVITE, callId);
      assertEquals("alice", in.string("from"));
      assertNull(in.id(), "the sender's id is not forwarded");
      assertEquals(OFFER, in.string("sdp"));
      assertTrue(in.bool("video", false));
      assertEquals("{\"k\":1}", in.string("extraParam"));

      bob.awaitReply(bob.request(Message.builder(MessageType.RINGING).put("callId", callId)),
          MessageType.ACK);
      assertEquals("bob", alice.await(MessageType.RINGING, callId).string("from"));

      bob.awaitReply(bob.request(Message.builder(MessageType.ACCEPT).put("callId", callId)
          .put("video", false).put("sdp", ANSWER)), MessageType.ACK);
      Message accepted = alice.await(MessageType.ACCEPT, callId);
      assertEquals(ANSWER, accepted.string("sdp"));
      assertFalse(accepted.bool("video", true));
      assertEquals("bob", alice.await(m -> m.type() == MessageType.PRESENCE
          && "busy".equals(m.string("status")), "bob busy").string("user"));

      alice.awaitReply(alice.request(Message.builder(MessageType.MEDIA_UPDATE)
          .put("callId", callId).put("micMuted", true).put("videoSending", false)
          .put("held", false)), MessageType.ACK);
      Message media = bob.await(MessageType.MEDIA_UPDATE, callId);
      assertTrue(media.bool("micMuted", false));
      assertEquals("alice", media.string("from"));

      bob.awaitReply(bob.request(chat(callId, "hi \u00e9\ud83d\ude00")), MessageType.ACK);
      assertEquals("hi \u00e9\ud83d\ude00", alice.await(MessageType.MESSAGE, callId)
          .string("content"));

      String peersId = alice.request(Message.builder(MessageType.PEERS));
      JsonObject bobEntry = alice.awaitReply(peersId, MessageType.PEERS).json("peers")
          .getAsJsonArray().get(0).getAsJsonObject();
      assertEquals("busy", bobEntry.get("status").getAsString());

      alice.awaitReply(alice.request(Message.builder(MessageType.HANGUP).put("callId", callId)
          .put("reason", "term-by-self").put("description", "bye")), MessageType.ACK);
      Message hangup = bob.await(MessageType.HANGUP, callId);
      assertEquals("alice", hangup.string("from"));
      assertEquals("bye", hangup.string("description"));
      assertEquals("online", alice.await(m -> m.type() == MessageType.PRESENCE
          && "bob".equals(m.string("user")) && "online".equals(m.string("status")),
          "bob online again").string("status"));

      // The call is gone.
      bob.awaitError(bob.request(chat(callId, "late")), ErrorCode.UNKNOWN_CALL);
      assertTrue(alice.undecodable().isEmpty() && bob.undecodable().isEmpty());
    }
  }

  @Test
  void busyCalleeEndsTheInvite() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.loggedIn("bob");
      TestClient carol = f.loggedIn("carol");
      talk(alice, bob);
      String callId = CallIds.newId();
      carol.awaitReply(carol.request(invite(callId, "bob")), MessageType.ACK);
      Message ended = carol.await(MessageType.CALL_ENDED, callId);
      assertEquals("busy", ended.string("reason"));
      assertFalse(bob.has(m -> callId.equals(m.string("callId"))));
      // A caller already in a call cannot invite.
      alice.awaitError(alice.request(invite(CallIds.newId(), "carol")), ErrorCode.BAD_STATE);
    }
  }

  @Test
  void offlineCalleeGetsTheMissedCallAtNextLogin() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      String callId = CallIds.newId();
      alice.awaitReply(alice.request(invite(callId, "dave")), MessageType.ACK);
      Message ended = alice.await(MessageType.CALL_ENDED, callId);
      assertEquals("user-offline", ended.string("reason"));

      TestClient dave = f.client();
      JsonArray missed = dave.login("dave", f.token("dave")).json("missedCalls").getAsJsonArray();
      assertEquals(1, missed.size());
      JsonObject m = missed.get(0).getAsJsonObject();
      assertEquals(callId, m.get("callId").getAsString());
      assertEquals("alice", m.get("from").getAsString());
      assertTrue(m.get("video").getAsBoolean());
      assertEquals("{\"k\":1}", m.get("extraParam").getAsString());
      assertEquals(f.clock.instant().toEpochMilli(), m.get("at").getAsLong());

      // Delivered once, then forgotten.
      TestClient again = f.client();
      assertEquals(0, again.login("dave", f.token("dave")).json("missedCalls")
          .getAsJsonArray().size());
    }
  }

  @Test
  void manyLargeMissedCallsSpreadOverLoginsWithinTheSizeLimit() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.rateLimit(1000, 1000))) {
      TestClient alice = f.loggedIn("alice");
      String extra = "e".repeat(4000);
      for (int i = 0; i < 12; i++) {
        String callId = CallIds.newId();
        alice.awaitReply(alice.request(invite(callId, "dave").put("extraParam", extra)),
            MessageType.ACK);
        alice.await(MessageType.CALL_ENDED, callId);
      }
      int total = 0;
      for (int login = 0; login < 3; login++) {
        TestClient dave = f.client();
        int n = dave.login("dave", f.token("dave")).json("missedCalls").getAsJsonArray().size();
        assertTrue(n > 0 && n <= 6, "login " + login + " carried " + n);
        total += n;
        assertTrue(dave.undecodable().isEmpty(), dave.undecodable().toString());
      }
      assertEquals(12, total, "every missed call is delivered once");
    }
  }

  @Test
  void rejectAndCancelEndTheCall() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.loggedIn("bob");
      String rejected = CallIds.newId();
      alice.awaitReply(alice.request(invite(rejected, "bob")), MessageType.ACK);
      bob.await(MessageType.INVITE, rejected);
      bob.awaitReply(bob.request(Message.builder(MessageType.REJECT).put("callId", rejected)
          .put("reason", "decline")), MessageType.ACK);
      assertEquals("decline", alice.await(MessageType.REJECT, rejected).string("reason"));
      bob.awaitError(bob.request(Message.builder(MessageType.ACCEPT).put("callId", rejected)
          .put("video", true).put("sdp", ANSWER)), ErrorCode.UNKNOWN_CALL);

      String canceled = CallIds.newId();
      alice.awaitReply(alice.request(invite(canceled, "bob")), MessageType.ACK);
      bob.await(MessageType.INVITE, canceled);
      // Only the caller may cancel, only the callee may accept.
      bob.awaitError(bob.request(Message.builder(MessageType.CANCEL).put("callId", canceled)),
          ErrorCode.BAD_STATE);
      alice.awaitError(alice.request(Message.builder(MessageType.ACCEPT)
          .put("callId", canceled).put("video", true).put("sdp", OFFER)), ErrorCode.BAD_STATE);
      alice.awaitError(alice.request(Message.builder(MessageType.MEDIA_UPDATE)
          .put("callId", canceled).put("micMuted", true).put("videoSending", true)
          .put("held", false)), ErrorCode.BAD_STATE);
      alice.awaitReply(alice.request(Message.builder(MessageType.CANCEL).put("callId", canceled)
          .put("reason", "cancel")), MessageType.ACK);
      assertEquals("alice", bob.await(MessageType.CANCEL, canceled).string("from"));
      bob.awaitError(bob.request(Message.builder(MessageType.ACCEPT).put("callId", canceled)
          .put("video", true).put("sdp", ANSWER)), ErrorCode.UNKNOWN_CALL);
    }
  }

  @Test
  void outsidersAndUnknownCallsGetErrors() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.loggedIn("bob");
      TestClient mallory = f.loggedIn("mallory");
      String callId = talk(alice, bob);
      mallory.awaitError(mallory.request(Message.builder(MessageType.HANGUP)
          .put("callId", callId)), ErrorCode.NOT_IN_CALL);
      mallory.awaitError(mallory.request(chat(callId, "psst")), ErrorCode.NOT_IN_CALL);
      mallory.awaitError(mallory.request(chat(CallIds.newId(), "?")), ErrorCode.UNKNOWN_CALL);
      mallory.awaitError(mallory.request(invite(callId, "alice")), ErrorCode.CALL_EXISTS);
      mallory.awaitError(mallory.request(invite(CallIds.newId(), "mallory")),
          ErrorCode.BAD_MESSAGE);
      assertFalse(alice.has(m -> m.type() == MessageType.HANGUP
          || m.type() == MessageType.MESSAGE));
      // The call goes on.
      alice.awaitReply(alice.request(chat(callId, "still here")), MessageType.ACK);
      assertEquals("still here", bob.await(MessageType.MESSAGE, callId).string("content"));
    }
  }

  @Test
  void unansweredCallTimesOutOnTheServersClock() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.heartbeatMs(3_600_000))) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.loggedIn("bob");
      String callId = CallIds.newId();
      alice.awaitReply(alice.request(invite(callId, "bob")), MessageType.ACK);
      bob.await(MessageType.INVITE, callId);
      f.clock.advance(Duration.ofSeconds(64));
      bob.awaitReply(bob.request(Message.builder(MessageType.RINGING).put("callId", callId)),
          MessageType.ACK);
      f.clock.advance(Duration.ofSeconds(1));
      assertEquals("timeout", alice.await(MessageType.CALL_ENDED, callId).string("reason"));
      assertEquals("timeout", bob.await(MessageType.CALL_ENDED, callId).string("reason"));
    }
  }
}
