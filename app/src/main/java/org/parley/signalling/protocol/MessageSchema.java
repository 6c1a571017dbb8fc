package org.parley.signalling.protocol;

import static org.parley.signalling.protocol.FieldSpec.body;
import static org.parley.signalling.protocol.FieldSpec.bool;
import static org.parley.signalling.protocol.FieldSpec.callId;
import static org.parley.signalling.protocol.FieldSpec.freeText;
import static org.parley.signalling.protocol.FieldSpec.integer;
import static org.parley.signalling.protocol.FieldSpec.objects;
import static org.parley.signalling.protocol.FieldSpec.oneOf;
import static org.parley.signalling.protocol.FieldSpec.text;
import static org.parley.signalling.protocol.FieldSpec.userId;
import static org.parley.signalling.protocol.FieldSpec.userIds;

import com.google.gson.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fields each message type requires, with their types and limits, as tabled in
 * {@code docs/signalling-protocol.md}. One table serves both directions: {@code from} is
 * optional everywhere (the server sets it when it forwards and ignores a client's).
 */
final class MessageSchema {
  static final int MAX_SDP_BYTES = 32 * 1024;
  static final int MAX_CONTENT_BYTES = 16 * 1024;
  static final int MAX_EXTRA_PARAM_BYTES = 4 * 1024;
  static final int MAX_TOKEN_CHARS = 1024;
  static final int MAX_PEERS = 10_000;
  static final int MAX_MISSED_CALLS = 100;

  private static final Map<MessageType, List<FieldSpec>> FIELDS = new EnumMap<>(MessageType.class);

  static {
    FieldSpec from = userId("from").optional();
    FieldSpec displayName = text("displayName", 64).optional();
    FieldSpec peers = objects("peers", MAX_PEERS,
        userId("user"), displayName, oneOf("status", "online", "busy"));
    FieldSpec missedCalls = objects("missedCalls", MAX_MISSED_CALLS,
        callId("callId"), userId("from"), bool("video"),
        body("extraParam", MAX_EXTRA_PARAM_BYTES).optional(),
        integer("at", 0, Long.MAX_VALUE));
    FieldSpec callId = callId("callId");

    FIELDS.put(MessageType.LOGIN, List.of(userId("user").syntaxError(ErrorCode.INVALID_USER),
        text("token", MAX_TOKEN_CHARS).optional(), displayName, text("resume", 64).optional(),
        oneOf("presence", Protocol.PRESENCE_ALL, Protocol.PRESENCE_WATCH).optional()));
    FIELDS.put(MessageType.LOGIN_OK, List.of(userId("user"), text("sessionId", 64),
        bool("resumed"), integer("heartbeatMs", 1, 3_600_000), peers, missedCalls,
        bool("peersTruncated").optional()));
    FIELDS.put(MessageType.LOGOUT, List.of());
    FIELDS.put(MessageType.LOGGED_OUT, List.of());
    FIELDS.put(MessageType.PING, List.of());
    FIELDS.put(MessageType.PONG, List.of());
    FIELDS.put(MessageType.PEERS, List.of(peers.optional(), bool("peersTruncated").optional()));
    FIELDS.put(MessageType.WATCH, List.of(
        userIds("users", Protocol.MAX_WATCH_USERS_PER_MESSAGE), bool("replace").optional()));
    FIELDS.put(MessageType.PRESENCE, List.of(userId("user"), displayName,
        oneOf("status", "online", "busy", "offline")));
    FIELDS.put(MessageType.KICKED, List.of(text("reason", 64)));
    FIELDS.put(MessageType.ACK, List.of());
    FIELDS.put(MessageType.ERROR, List.of(text("code", 64), freeText("message", 1024)));
    FIELDS.put(MessageType.INVITE, List.of(callId, userId("to"), bool("video"),
        body("sdp", MAX_SDP_BYTES), body("extraParam", MAX_EXTRA_PARAM_BYTES).optional(), from));
    FIELDS.put(MessageType.RINGING, List.of(callId, from));
    FIELDS.put(MessageType.ACCEPT, List.of(callId, bool("video"), body("sdp", MAX_SDP_BYTES),
        from));
    FIELDS.put(MessageType.REJECT, List.of(callId, oneOf("reason", "decline", "busy"), from));
    FIELDS.put(MessageType.CANCEL, List.of(callId, oneOf("reason", "cancel", "timeout").optional(),
        from));
    FIELDS.put(MessageType.HANGUP, List.of(callId, text("reason", 64).optional(),
        freeText("description", 256).optional(), from));
    FIELDS.put(MessageType.MEDIA_UPDATE, List.of(callId, bool("micMuted"), bool("videoSending"),
        bool("held"), from));
    FIELDS.put(MessageType.MESSAGE, List.of(callId, text("msgType", 64),
        body("content", MAX_CONTENT_BYTES), from));
    FIELDS.put(MessageType.CALL_ENDED, List.of(callId,
        oneOf("reason", "network", "busy", "user-offline", "timeout", "not-found"),
        freeText("description", 256).optional()));
    for (MessageType t : MessageType.values()) {
      if (!FIELDS.containsKey(t)) {
        throw new ExceptionInInitializerError("no schema for " + t);
      }
    }
  }

  private MessageSchema() {}

  /** Checks the fields of a message of {@code type}; the first violation is thrown. */
  static void check(MessageType type, JsonObject object) throws ProtocolException {
    for (FieldSpec f : FIELDS.get(type)) {
      f.check(object, "");
    }
  }
}
