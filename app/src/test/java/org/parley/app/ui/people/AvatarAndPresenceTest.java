package org.parley.app.ui.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.signalling.protocol.PresenceStatus;

class AvatarAndPresenceTest {
  @Test
  void initialsTakeTheFirstAndLastWords() {
    record Case(String name, String initials) {}
    for (Case c : List.of(
        new Case("Ada Lovelace", "AL"),
        new Case("bob", "B"),
        new Case("  jean-luc picard ", "JP"),
        new Case("Émile Zola", "ÉZ"),
        new Case("Mary Ann Evans", "ME"),
        new Case("first.last", "FL"),
        new Case("(bot) 42", "B4"),
        new Case("", "?"),
        new Case("---", "?"),
        new Case(null, "?"))) {
      assertEquals(c.initials(), Avatar.initialsOf(c.name()), String.valueOf(c.name()));
    }
  }

  @Test
  void colourIsStablePerUserAndSpreadBetweenUsers() {
    assertEquals(Avatar.colorOf("alice"), Avatar.colorOf("alice"));
    assertNotEquals(Avatar.colorOf("alice"), Avatar.colorOf("alicf"), "neighbouring ids differ");
    long distinct = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi").stream()
        .map(Avatar::colorOf).distinct().count();
    assertEquals(8, distinct, "eight users, eight colours");
  }

  @Test
  void presenceUsesTheSignallingWireNames() {
    for (PresenceStatus s : PresenceStatus.values()) {
      Presence p = Presence.of(s.wireName());
      assertEquals(s.name(), p.name(), s.wireName());
      assertEquals(s.wireName(), p.wireName());
    }
    assertEquals(Presence.OFFLINE, Presence.of("away"), "unknown reads as offline");
    assertEquals(Presence.OFFLINE, Presence.of(null));
    record Case(Presence p, String word, boolean reachable) {}
    for (Case c : List.of(new Case(Presence.ONLINE, "Available", true),
        new Case(Presence.BUSY, "In a call", true), new Case(Presence.OFFLINE, "Offline", false))) {
      assertEquals(c.word(), c.p().word());
      assertEquals(c.reachable(), c.p().reachable());
    }
  }
}
