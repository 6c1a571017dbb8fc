package org.parley.signalling.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageTest {
  @Test
  void accessorsReadTypedFields() {
    Message m = Message.builder(MessageType.MEDIA_UPDATE).id("c3").re("r")
        .put("callId", "abcdefgh").put("micMuted", true).put("n", 42).put("big", 1L << 40)
        .build();
    assertEquals(MessageType.MEDIA_UPDATE, m.type());
    assertEquals("c3", m.id());
    assertEquals("r", m.re());
    assertEquals("abcdefgh", m.string("callId"));
    assertTrue(m.bool("micMuted", false));
    assertTrue(m.bool("absent", true));
    assertEquals(42, m.longValue("n", -1));
    assertEquals(1L << 40, m.longValue("big", -1));
    assertEquals(-1, m.longValue("callId", -1), "a string is not a number");
    assertNull(m.string("n"), "a number is not a string");
    assertFalse(m.bool("callId", false), "a string is not a boolean");
  }

  @Test
  void copiesLeaveTheOriginalAlone() {
    Message m = Message.builder(MessageType.RINGING).id("x").put("callId", "abcdefgh").build();
    Message noId = m.withoutId();
    Message from = m.with("from", "bob");
    assertEquals("x", m.id());
    assertNull(noId.id());
    assertEquals("bob", from.string("from"));
    assertNull(m.string("from"));
    assertEquals("y", m.withId("y").id());
    assertFalse(from.with("from", null).has("from"));
    assertNotEquals(m, from);
    assertEquals(m, m.toBuilder().build());
  }

  @Test
  void jsonValuesAreCopies() {
    JsonArray a = new JsonArray();
    a.add(1);
    Message m = Message.builder(MessageType.PEERS).put("peers", a).build();
    a.add(2);
    assertEquals(1, m.json("peers").getAsJsonArray().size(), "builder copied the array");
    m.json("peers").getAsJsonArray().add(3);
    assertEquals(1, m.json("peers").getAsJsonArray().size(), "accessor returns a copy");
  }

  @Test
  void envelopeNamesCannotBeFields() {
    for (String name : Arrays.asList("v", "type", "id", "re")) {
      assertThrows(IllegalArgumentException.class,
          () -> Message.builder(MessageType.PING).put(name, new JsonPrimitive("x")), name);
    }
  }

  @Test
  void toStringHidesTheTokenAndShortensLongValues() {
    String token = "YWxpY2U.1700000000.c2VjcmV0LW1hYw";
    Message m = Message.builder(MessageType.LOGIN).id("c1").put("user", "alice")
        .put("token", token).put("sdp", "v=0\r\n" + "a".repeat(500)).build();
    String s = m.toString();
    assertFalse(s.contains(token), s);
    assertFalse(s.contains("c2VjcmV0"), s);
    assertTrue(s.contains("token=<hidden>"), s);
    assertTrue(s.contains("user=alice"), s);
    assertTrue(s.length() < 200, s);
  }

  @Test
  void wireNamesRoundTrip() {
    for (MessageType t : MessageType.values()) {
      assertEquals(t, MessageType.fromWire(t.wireName()).orElseThrow());
    }
    assertEquals("media-update", MessageType.MEDIA_UPDATE.wireName());
    assertTrue(MessageType.fromWire("MEDIA_UPDATE").isEmpty());
    assertTrue(MessageType.fromWire(null).isEmpty());
    for (ErrorCode c : ErrorCode.values()) {
      assertEquals(c, ErrorCode.fromWire(c.wireName()).orElseThrow());
    }
    for (CallEndReason r : CallEndReason.values()) {
      assertEquals(r, CallEndReason.fromWire(r.wireName()).orElseThrow());
    }
    assertEquals("user-offline", CallEndReason.USER_OFFLINE.wireName());
    for (PresenceStatus p : PresenceStatus.values()) {
      assertEquals(p, PresenceStatus.fromWire(p.wireName()).orElseThrow());
    }
  }

  @Test
  void identifierSyntax() {
    String[][] users = {{"alice", "true"}, {"a.b_c@d-e", "true"}, {"a".repeat(64), "true"},
        {"", "false"}, {"a".repeat(65), "false"}, {"al ice", "false"}, {"al/ice", "false"},
        {"\u00e9", "false"}};
    for (String[] c : users) {
      assertEquals(Boolean.parseBoolean(c[1]), UserIds.isValid(c[0]), c[0]);
    }
    assertFalse(UserIds.isValid(null));
    String[][] calls = {{"abcdefgh", "true"}, {"3f2a9c1e-0b7d-4a55-9b0e-1d2c3b4a5f60", "true"},
        {"abcdefg", "false"}, {"abcdefgh_", "false"}, {"a".repeat(65), "false"}};
    for (String[] c : calls) {
      assertEquals(Boolean.parseBoolean(c[1]), CallIds.isValid(c[0]), c[0]);
    }
    assertTrue(CallIds.isValid(CallIds.newId()));
  }
}
