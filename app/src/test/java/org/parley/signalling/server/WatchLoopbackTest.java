package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** Presence modes over real loopback WebSockets: {@code watch}, and the cap on {@code all}. */
class WatchLoopbackTest {
  private static Message.Builder login(String user, String presence) {
    Message.Builder b = Message.builder(MessageType.LOGIN).put("user", user);
    return presence == null ? b : b.put("presence", presence);
  }

  private static Message.Builder watch(boolean replace, String... users) {
    JsonArray a = new JsonArray();
    for (String u : users) {
      a.add(u);
    }
    return Message.builder(MessageType.WATCH).put("users", a).put("replace", replace);
  }

  private static boolean presenceOf(Message m, String user, String status) {
    return m.type() == MessageType.PRESENCE && user.equals(m.string("user"))
        && status.equals(m.string("status"));
  }

  @Test
  void watchModeHearsOnlyOfWatchedUsers() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.open())) {
      TestClient alice = f.client();
      alice.login("alice", null);
      TestClient bob = f.client();
      Message ok = bob.awaitReply(bob.request(login("bob", "watch")), MessageType.LOGIN_OK);
      assertEquals(0, ok.json("peers").getAsJsonArray().size(), "no peer list in watch mode");
      // alice (all mode) hears of bob; bob hears of nobody yet.
      alice.await(m -> presenceOf(m, "bob", "online"), "bob online");

      String id = bob.request(watch(false, "alice", "carol", "bob"));
      bob.awaitReply(id, MessageType.ACK);
      bob.await(m -> presenceOf(m, "alice", "online"), "alice's current status");
      bob.await(m -> presenceOf(m, "carol", "offline"), "carol's current status");

      TestClient carol = f.client();
      carol.awaitReply(carol.request(login("carol", "watch")), MessageType.LOGIN_OK);
      bob.await(m -> presenceOf(m, "carol", "online"), "carol came online");

      Message peers = bob.awaitReply(bob.request(Message.builder(MessageType.PEERS)),
          MessageType.PEERS);
      assertEquals(2, peers.json("peers").getAsJsonArray().size(), peers.toString());

      bob.awaitReply(bob.request(watch(true, "carol")), MessageType.ACK);
      bob.await(m -> presenceOf(m, "carol", "online"), "carol's status after replace");
      TestClient dave = f.client();
      dave.login("dave", null);
      alice.await(m -> presenceOf(m, "dave", "online"), "dave online to alice");
      carol.closeBlocking();
      // The server sees the close a little later; keep moving its clock past the grace.
      long deadline = System.currentTimeMillis() + 20_000;
      while (!bob.has(m -> presenceOf(m, "carol", "offline"))
          && System.currentTimeMillis() < deadline) {
        f.clock.advance(java.time.Duration.ofSeconds(9));
        bob.awaitReply(bob.request(Message.builder(MessageType.PING)), MessageType.PONG);
      }
      bob.await(m -> presenceOf(m, "carol", "offline"), "carol offline after the grace");
      assertFalse(bob.has(m -> m.type() == MessageType.PRESENCE
          && !"carol".equals(m.string("user"))), "bob no longer watches alice, never dave");
      assertFalse(carol.has(m -> presenceOf(m, "dave", "online")), "carol watches nobody");

      bob.awaitError(bob.request(watch(false, "not valid")), ErrorCode.BAD_MESSAGE);
    }
  }

  @Test
  void allModeAboveTheCapGetsASnapshotAndPushesOnlyForWatchedUsers() throws Exception {
    try (ServerFixture f = new ServerFixture(b -> b.open().maxPresenceAll(2))) {
      TestClient early = f.client();
      early.login("early", null); // below the cap: a real 'all' session
      for (String u : List.of("u1", "u2")) {
        f.client().login(u, null);
      }
      TestClient late = f.client();
      Message ok = late.awaitReply(late.request(login("late", null)), MessageType.LOGIN_OK);
      JsonArray peers = ok.json("peers").getAsJsonArray();
      assertEquals(2, peers.size(), peers.toString());
      assertTrue(ok.bool("peersTruncated", false));
      early.await(m -> presenceOf(m, "late", "online"), "the all session hears of late");

      late.awaitReply(late.request(watch(false, "u4")), MessageType.ACK);
      late.await(m -> presenceOf(m, "u4", "offline"), "u4's current status");
      f.client().login("u3", null);
      f.client().login("u4", null);
      late.await(m -> presenceOf(m, "u4", "online"), "push about a watched user");
      assertFalse(late.has(m -> presenceOf(m, "u3", "online")), "no push about u3");
      early.await(m -> presenceOf(m, "u4", "online"), "the all session hears of everyone");
    }
  }
}
