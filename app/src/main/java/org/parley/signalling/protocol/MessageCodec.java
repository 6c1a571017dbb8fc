package org.parley.signalling.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link Message}s into JSON text frames and back (protocol version 1,
 * {@code docs/signalling-protocol.md}). {@link #decode} performs every check the document
 * lists (size, strict JSON, envelope, type, required fields with their types, lengths and
 * identifier syntax) so that a returned message can be acted on; anything else is a
 * {@link ProtocolException} carrying the code to answer with and, when readable, the request
 * id. Stateless and thread-safe.
 */
public final class MessageCodec {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final int MAX_ID_CHARS = 64;

  /** Encodes {@code message} as one JSON object; never fails. */
  public String encode(Message message) {
    JsonObject o = new JsonObject();
    o.addProperty("v", Protocol.VERSION);
    o.addProperty("type", message.type().wireName());
    if (message.id() != null) {
      o.addProperty("id", message.id());
    }
    if (message.re() != null) {
      o.addProperty("re", message.re());
    }
    for (Map.Entry<String, JsonElement> f : message.fields().entrySet()) {
      o.add(f.getKey(), f.getValue());
    }
    return GSON.toJson(o);
  }

  /**
   * Decodes and validates one text frame.
   *
   * @throws ProtocolException with {@code TOO_LARGE} (over 64 KiB of UTF-8), {@code BAD_JSON},
   *     {@code BAD_VERSION}, {@code UNKNOWN_TYPE} or {@code BAD_MESSAGE} (naming the field)
   */
  public Message decode(String text) throws ProtocolException {
    if (text == null) {
      throw new ProtocolException(ErrorCode.BAD_JSON, "empty message");
    }
    if (text.length() > Protocol.MAX_MESSAGE_BYTES
        || Utf8.length(text) > Protocol.MAX_MESSAGE_BYTES) {
      throw new ProtocolException(ErrorCode.TOO_LARGE,
          "message is larger than " + Protocol.MAX_MESSAGE_BYTES + " bytes");
    }
    JsonElement root = StrictJsonReader.parse(text);
    if (!root.isJsonObject()) {
      throw new ProtocolException(ErrorCode.BAD_JSON, "a message must be a JSON object");
    }
    JsonObject o = root.getAsJsonObject();
    String id = envelopeString(o, "id", null);
    checkVersion(o.get("v"), id);
    MessageType type = type(o.get("type"), id);
    String re = envelopeString(o, "re", id);
    if (type == MessageType.ACK && re == null) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field 're' is missing", id);
    }
    try {
      MessageSchema.check(type, o);
    } catch (ProtocolException e) {
      throw e.withRequestId(id);
    }
    Message.Builder b = Message.builder(type).id(id).re(re);
    for (Map.Entry<String, JsonElement> f : o.entrySet()) {
      switch (f.getKey()) {
        case "v":
        case "type":
        case "id":
        case "re":
          break;
        default:
          if (!f.getValue().isJsonNull()) {
            b.put(f.getKey(), f.getValue());
          }
      }
    }
    return b.build();
  }

  /** The size of {@code message} on the wire: UTF-8 bytes of {@link #encode}. */
  public long encodedBytes(Message message) {
    return Utf8.length(encode(message));
  }

  /** Checks a message about to be sent as {@link #decode} would check it when received. */
  public void validate(Message message) throws ProtocolException {
    decode(encode(message));
  }

  private static String envelopeString(JsonObject o, String name, String requestId)
      throws ProtocolException {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!isString(e) || e.getAsString().isEmpty() || e.getAsString().length() > MAX_ID_CHARS) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE,
          "field '" + name + "' must be a string of 1 to " + MAX_ID_CHARS + " characters",
          requestId);
    }
    return e.getAsString();
  }

  private static void checkVersion(JsonElement v, String id) throws ProtocolException {
    Long version = Message.exactLong(v);
    if (version == null || version != Protocol.VERSION) {
      throw new ProtocolException(ErrorCode.BAD_VERSION,
          v == null ? "field 'v' is missing; this server speaks version " + Protocol.VERSION
              : "unsupported protocol version; this server speaks version " + Protocol.VERSION,
          id);
    }
  }

  private static MessageType type(JsonElement t, String id) throws ProtocolException {
    if (t == null || t.isJsonNull()) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field 'type' is missing", id);
    }
    if (!isString(t)) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field 'type' must be a string", id);
    }
    Optional<MessageType> type = MessageType.fromWire(t.getAsString());
    if (type.isEmpty()) {
      String name = t.getAsString();
      throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '"
          + (name.length() > 32 ? name.substring(0, 32) + "..." : name) + "'", id);
    }
    return type.get();
  }

  private static boolean isString(JsonElement e) {
    return e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
  }
}
