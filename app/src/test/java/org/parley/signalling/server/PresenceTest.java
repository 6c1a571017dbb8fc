package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.PresenceStatus;

/**
 * Presence subscriptions ({@code all} and watch lists), their pushes and the size-capped peer
 * list, over an in-test directory and router.
 */
class PresenceTest {
  private final List<UserDirectory.Entry> users = new ArrayList<>();
  private final Map<String, List<Message>> delivered = new HashMap<>();
  private final UserDirectory directory = new UserDirectory() {
    @Override
    public Optional<Entry> lookup(String user) {
      return users.stream().filter(e -> e.user().equals(user)).findFirst();
    }

    @Override
    public Collection<Entry> online() {
      return users;
    }
  };
  private int fanOuts;
  private final MessageRouter router = new MessageRouter() {
    @Override
    public boolean deliver(String user, Message m) {
      delivered.computeIfAbsent(user, u -> new ArrayList<>()).add(m);
      return true;
    }

    @Override
    public void deliverEach(Collection<String> to, Message m) {
      fanOuts++;
      MessageRouter.super.deliverEach(to, m);
    }
  };
  private final Presence presence = new Presence(directory, router);

  @Test
  void announceGoesToEveryoneElse() {
    users.add(new UserDirectory.Entry("alice", "Alice", PresenceStatus.BUSY));
    users.add(new UserDirectory.Entry("bob", null, PresenceStatus.ONLINE));
    users.add(new UserDirectory.Entry("carol", null, PresenceStatus.ONLINE));
    for (UserDirectory.Entry e : users) {
      presence.subscribeAll(e.user());
    }
    presence.announce("alice");
    assertEquals(1, fanOuts, "one message for all recipients");
    assertFalse(delivered.containsKey("alice"));
    for (String u : List.of("bob", "carol")) {
      Message m = delivered.get(u).get(0);
      assertEquals("alice", m.string("user"));
      assertEquals("Alice", m.string("displayName"));
      assertEquals("busy", m.string("status"));
    }
    presence.announceOffline("bob", null);
    assertEquals("offline", delivered.get("alice").get(0).string("status"));
    assertFalse(delivered.get("carol").get(1).has("displayName"));
  }

  @Test
  void watchListsLimitThePushes() {
    for (String u : List.of("alice", "bob", "carol", "dave")) {
      users.add(new UserDirectory.Entry(u, null, PresenceStatus.ONLINE));
    }
    presence.subscribeAll("dave");
    assertEquals(List.of("alice", "carol"),
        presence.watch("bob", List.of("alice", "bob", "carol", "alice"), false));
    presence.announce("alice");
    presence.announce("dave");
    assertEquals(1, delivered.get("bob").size(), "bob hears of alice only");
    assertEquals(1, delivered.get("dave").size(), "dave (all) hears of alice");
    assertFalse(delivered.containsKey("carol"), "carol watches nobody");

    presence.watch("bob", List.of("dave"), true); // replaces alice and carol
    assertEquals(java.util.Set.of("dave"), presence.watchList("bob"));
    presence.announce("alice");
    presence.announceOffline("dave", null);
    assertEquals(2, delivered.get("bob").size());
    assertEquals("dave", delivered.get("bob").get(1).string("user"));

    presence.forget("bob");
    presence.announce("dave");
    assertEquals(2, delivered.get("bob").size(), "forgotten: no more pushes");
  }

  @Test
  void watchListIsCappedAndCurrentStatusIsOfflineForStrangers() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Presence.MAX_WATCHED; i++) {
      many.add("u" + i);
    }
    assertThrows(IllegalArgumentException.class, () -> presence.watch("bob", many, false));
    assertTrue(presence.watchList("bob").isEmpty(), "nothing changed");
    assertEquals("offline", presence.current("nobody").string("status"));
    users.add(new UserDirectory.Entry("alice", "A", PresenceStatus.BUSY));
    assertEquals("busy", presence.current("alice").string("status"));
  }

  @Test
  void peerListStopsAtTheBudget() {
    for (int i = 0; i < 2000; i++) {
      users.add(new UserDirectory.Entry("user-" + i, "Display name " + i,
          PresenceStatus.ONLINE));
    }
    boolean[] truncated = new boolean[1];
    JsonArray all = presence.peers("user-0", 10_000_000, truncated);
    assertEquals(1999, all.size());
    assertFalse(truncated[0]);
    JsonArray some = presence.peers("user-0", 8 * 1024, truncated);
    assertTrue(truncated[0]);
    assertTrue(some.size() > 50 && some.size() < 1999, "size " + some.size());
    assertTrue(some.toString().getBytes(StandardCharsets.UTF_8).length <= 8 * 1024);
    assertEquals(10, presence.peers("user-0", 10_000_000, 10, truncated).size());
    assertTrue(truncated[0]);
  }
}
