package org.parley.sdk.call;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.signalling.protocol.CallIds;
import org.parley.signalling.protocol.UserIds;

/**
 * Reads the {@code missedCalls} of a {@code login-ok} ({@code [{"callId","from","video",
 * "extraParam","at"}]}, {@code at} in epoch ms) into final {@link CallItem}s in state {@link
 * CallState#MISSED} with reason {@link CallReason#USER_OFFLINE} (we were offline). Malformed
 * entries are skipped.
 */
final class MissedCalls {
  private MissedCalls() {}

  static List<CallItem> parse(JsonElement json, Clock clock) {
    List<CallItem> items = new ArrayList<>();
    if (json == null || !json.isJsonArray()) {
      return items;
    }
    for (JsonElement e : json.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        continue;
      }
      JsonObject o = e.getAsJsonObject();
      String callId = string(o, "callId");
      String from = string(o, "from");
      if (!CallIds.isValid(callId) || !UserIds.isValid(from)) {
        continue;
      }
      Instant at = clock.instant();
      JsonElement atJson = o.get("at");
      if (atJson != null && atJson.isJsonPrimitive() && atJson.getAsJsonPrimitive().isNumber()) {
        at = Instant.ofEpochMilli(atJson.getAsLong());
      }
      JsonElement video = o.get("video");
      boolean isVideo = video != null && video.isJsonPrimitive() && video.getAsJsonPrimitive().isBoolean()
          && video.getAsBoolean();
      String extra = string(o, "extraParam");
      items.add(CallItem.builder(callId, from, CallDirection.IN, at)
          .video(isVideo)
          .extraParam(extra == null ? "" : extra)
          .state(CallState.MISSED)
          .reason(CallReason.USER_OFFLINE)
          .description("missed while offline")
          .build());
    }
    return items;
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
  }
}
