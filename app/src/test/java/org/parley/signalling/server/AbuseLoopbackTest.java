package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.signalling.protocol.CallIds;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.Protocol;

/** Hostile input over real loopback WebSockets: floods, oversized frames, rate limiting. */
class AbuseLoopbackTest {
  private static boolean isError(Message m, ErrorCode code) {
    return m.type() == MessageType.ERROR && code.wireName().equals(m.string("code"));
  }

  @Test
  void floodOfBadFramesIsClosedWhileOthersKeepWorking() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      TestClient bob = f.loggedIn("bob");
      TestClient attacker = f.loggedIn("mallory");
      for (int i = 0; i < AbusePolicy.MAX_ERRORS; i++) {
        attacker.send(i % 2 == 0 ? "{not json" : "{\"v\":1,\"type\":\"teleport\"}");
      }
      for (int i = 0; i < AbusePolicy.MAX_ERRORS; i++) {
        Message e = attacker.await(MessageType.ERROR);
        assertTrue(isError(e, ErrorCode.BAD_JSON) || isError(e, ErrorCode.UNKNOWN_TYPE), e
            .toString());
      }
      assertTrue(attacker.isOpen(), "twenty errors are tolerated");
      attacker.send(new byte[] {1, 2, 3}); // the 21st error: binary frame
      assertTrue(isError(attacker.await(MessageType.ERROR), ErrorCode.BAD_MESSAGE));
      assertEquals(Protocol.CLOSE_POLICY, attacker.awaitClose());

      String callId = CallLoopbackTest.talk(alice, bob);
      alice.awaitReply(alice.request(CallLoopbackTest.chat(callId, "fine")), MessageType.ACK);
      assertEquals("fine", bob.await(MessageType.MESSAGE, callId).string("content"));
    }
  }

  @Test
  void oversizedFramesAreAnsweredOrClosed() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient alice = f.loggedIn("alice");
      String pad = "x".repeat(Protocol.MAX_MESSAGE_BYTES);
      alice.send("{\"v\":1,\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + pad + "\"}");
      Message tooLarge = alice.await(MessageType.ERROR);
      assertEquals(ErrorCode.TOO_LARGE.wireName(), tooLarge.string("code"));
      assertNull(tooLarge.re(), "an oversized message is not parsed");
      alice.awaitReply(alice.request(Message.builder(MessageType.PING)), MessageType.PONG);

      TestClient huge = f.loggedIn("bob");
      huge.send("x".repeat(Protocol.MAX_FRAME_BYTES + 1));
      // The server closes with 1009 as soon as it reads the frame header. It then shuts the
      // socket with most of the megabyte unread, so the kernel may answer with a reset that
      // reaches the client before the close frame does: the client then reports 1006.
      int code = huge.awaitClose();
      assertTrue(code == Protocol.CLOSE_TOO_BIG || code == 1006, "closed with " + code);
      assertTrue(alice.isOpen());
      alice.awaitReply(alice.request(Message.builder(MessageType.PING)), MessageType.PONG);
    }
  }

  @Test
  void rateLimitDropsMessagesBeyondTheBucket() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.rateLimit(2, 5))) {
      TestClient alice = f.loggedIn("alice"); // the login took one token
      for (int i = 0; i < 7; i++) {
        alice.send(Message.builder(MessageType.PING).id("p" + i).build());
      }
      int pongs = 0;
      for (int i = 0; i < 7; i++) {
        Message m = alice.await(x -> x.type() == MessageType.PONG
            || isError(x, ErrorCode.RATE_LIMITED), "pong or RATE_LIMITED");
        pongs += m.type() == MessageType.PONG ? 1 : 0;
      }
      assertEquals(4, pongs, "burst of 5 minus the login");
      f.clock.advance(Duration.ofSeconds(1)); // two tokens flow back
      alice.awaitReply(alice.request(Message.builder(MessageType.PING)), MessageType.PONG);
      alice.awaitReply(alice.request(Message.builder(MessageType.PING)), MessageType.PONG);
      assertTrue(alice.isOpen());
    }
  }

  @Test
  void sustainedFloodIsClosed() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.rateLimit(1, 2))) {
      TestClient flooder = f.client();
      // 4 x 1 msg/s over the 5 s window is 20 messages; the 21st closes.
      for (int i = 0; i < 30; i++) {
        flooder.send("{\"v\":1,\"type\":\"ping\"}");
      }
      assertEquals(Protocol.CLOSE_POLICY, flooder.awaitClose());
      TestClient calm = f.loggedIn("calm");
      calm.awaitReply(calm.request(Message.builder(MessageType.PING)), MessageType.PONG);
    }
  }

  @Test
  void otherPathsAreRefusedAtTheHandshake() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      TestClient wrong = new TestClient(java.net.URI.create("ws://127.0.0.1:" + f.server.port()
          + "/admin"));
      try {
        assertTrue(!wrong.connectBlocking(20, java.util.concurrent.TimeUnit.SECONDS));
      } finally {
        wrong.closeBlocking();
      }
      TestClient root = new TestClient(java.net.URI.create("ws://127.0.0.1:" + f.server.port()
          + "/"));
      try {
        root.open();
        root.awaitReply(root.request(Message.builder(MessageType.PING)), MessageType.PONG);
      } finally {
        root.closeBlocking();
      }
    }
  }

  @Test
  void serverFullRefusesTheExtraClient() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.maxClients(1))) {
      TestClient first = f.loggedIn("alice");
      TestClient second = new TestClient(f.uri());
      // No assertion on the handshake: the server may close before connectBlocking returns.
      second.connectBlocking(20, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(isError(second.await(MessageType.ERROR), ErrorCode.SERVER_FULL));
      assertEquals(SignallingCore.CLOSE_SERVER_FULL, second.awaitClose());
      first.awaitReply(first.request(CallLoopbackTest.invite(CallIds.newId(), "zed")),
          MessageType.ACK);
    }
  }
}
