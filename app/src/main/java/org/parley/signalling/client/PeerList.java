package org.parley.signalling.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/**
 * The other users a client last heard of, kept from {@code login-ok} and {@code peers} (the
 * whole list) and {@code presence} (one user; {@code offline} removes it). Each peer is a {@code
 * presence} message with {@code user}, {@code displayName} (when known) and {@code status}.
 * Updated on the client's thread; {@link #snapshot()} may be read from any thread.
 */
final class PeerList {
  private final Map<String, Message> byUser = new LinkedHashMap<>();
  private volatile List<Message> snapshot = List.of();

  /** Replaces the list with the {@code peers} array of a {@code login-ok} or {@code peers}. */
  void replace(JsonElement peers) {
    byUser.clear();
    if (peers != null && peers.isJsonArray()) {
      for (JsonElement e : peers.getAsJsonArray()) {
        if (e.isJsonObject()) {
          Message peer = fromJson(e.getAsJsonObject());
          if (peer != null) {
            byUser.put(peer.string("user"), peer);
          }
        }
      }
    }
    publish();
  }

  /** Applies one {@code presence} push. */
  void apply(Message presence) {
    String user = presence.string("user");
    if (user == null) {
      return;
    }
    if ("offline".equals(presence.string("status"))) {
      byUser.remove(user);
    } else {
      Message.Builder b =
          Message.builder(MessageType.PRESENCE)
              .put("user", user)
              .put("status", String.valueOf(presence.string("status")));
      String name = presence.string("displayName");
      if (name != null) {
        b.put("displayName", name);
      }
      byUser.put(user, b.build());
    }
    publish();
  }

  List<Message> snapshot() {
    return snapshot;
  }

  private void publish() {
    snapshot = Collections.unmodifiableList(new ArrayList<>(byUser.values()));
  }

  private static Message fromJson(JsonObject o) {
    JsonElement user = o.get("user");
    JsonElement status = o.get("status");
    if (user == null || !user.isJsonPrimitive() || status == null || !status.isJsonPrimitive()) {
      return null;
    }
    Message.Builder b =
        Message.builder(MessageType.PRESENCE)
            .put("user", user.getAsString())
            .put("status", status.getAsString());
    JsonElement name = o.get("displayName");
    if (name != null && name.isJsonPrimitive()) {
      b.put("displayName", name.getAsString());
    }
    return b.build();
  }
}
