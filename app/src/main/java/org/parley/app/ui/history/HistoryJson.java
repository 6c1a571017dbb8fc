package org.parley.app.ui.history;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

/**
 * The history file's format, version 1:
 *
 * <pre>{"version":1,"unseenMissed":["callId",...],"entries":[{"id","peer","direction":"IN|OUT",
 * "video","begin":epochMs,"talkingBegin":epochMs|absent,"durationMs","state","reason",
 * "description"}]}</pre>
 *
 * Entries are kept in file order (newest first). A file that is not this format throws {@link
 * HistoryFormatException}; the caller sets it aside.
 */
final class HistoryJson {
  static final int VERSION = 1;

  private HistoryJson() {}

  /** What a history file holds. */
  record Contents(List<CallRecordEntry> entries, Set<String> unseenMissed) {}

  /** A history file that cannot be read (bad JSON, unknown version, a malformed entry). */
  static final class HistoryFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    HistoryFormatException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static String write(List<CallRecordEntry> entries, Set<String> unseenMissed) {
    JsonObject root = new JsonObject();
    root.addProperty("version", VERSION);
    JsonArray unseen = new JsonArray();
    unseenMissed.forEach(unseen::add);
    root.add("unseenMissed", unseen);
    JsonArray list = new JsonArray();
    for (CallRecordEntry e : entries) {
      JsonObject o = new JsonObject();
      o.addProperty("id", e.callId());
      o.addProperty("peer", e.peerUserId());
      o.addProperty("direction", e.direction().name());
      o.addProperty("video", e.video());
      o.addProperty("begin", e.beginTime().toEpochMilli());
      if (e.talkingBeginTime() != null) {
        o.addProperty("talkingBegin", e.talkingBeginTime().toEpochMilli());
      }
      o.addProperty("durationMs", e.duration().toMillis());
      o.addProperty("state", e.state().name());
      o.addProperty("reason", e.reason().name());
      o.addProperty("description", e.description());
      list.add(o);
    }
    root.add("entries", list);
    return root.toString();
  }

  static Contents read(String text) throws HistoryFormatException {
    try {
      JsonObject root = JsonParser.parseString(text).getAsJsonObject();
      int version = require(root, "version").getAsInt();
      if (version != VERSION) {
        throw new HistoryFormatException("unknown history version " + version, null);
      }
      Set<String> unseen = new LinkedHashSet<>();
      JsonElement u = root.get("unseenMissed");
      if (u != null && u.isJsonArray()) {
        u.getAsJsonArray().forEach(id -> unseen.add(id.getAsString()));
      }
      List<CallRecordEntry> entries = new ArrayList<>();
      for (JsonElement el : require(root, "entries").getAsJsonArray()) {
        entries.add(entry(el.getAsJsonObject()));
      }
      return new Contents(entries, unseen);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
        | ClassCastException | IllegalArgumentException e) {
      throw new HistoryFormatException("not a history file: " + e.getMessage(), e);
    }
  }

  /** The field {@code name} of {@code o}; a missing or null field is a format error. */
  private static JsonElement require(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new JsonParseException("missing field \"" + name + "\"");
    }
    return e;
  }

  private static CallRecordEntry entry(JsonObject o) {
    JsonElement talking = o.get("talkingBegin");
    JsonElement description = o.get("description");
    return new CallRecordEntry(
        require(o, "id").getAsString(),
        require(o, "peer").getAsString(),
        CallDirection.valueOf(require(o, "direction").getAsString()),
        require(o, "video").getAsBoolean(),
        Instant.ofEpochMilli(require(o, "begin").getAsLong()),
        talking == null || talking.isJsonNull() ? null : Instant.ofEpochMilli(talking.getAsLong()),
        Duration.ofMillis(require(o, "durationMs").getAsLong()),
        CallState.valueOf(require(o, "state").getAsString()),
        CallReason.valueOf(require(o, "reason").getAsString()),
        description == null || description.isJsonNull() ? "" : description.getAsString());
  }
}
