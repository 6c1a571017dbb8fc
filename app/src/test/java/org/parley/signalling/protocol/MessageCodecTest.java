package org.parley.signalling.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {
  private static final String CALL = "\"callId\":\"3f2a9c1e-0b7d-4a55-9b0e-1d2c3b4a5f60\"";
  private final MessageCodec codec = new MessageCodec();

  static Stream<Arguments> goodMessages() {
    return Stream.of(
        Arguments.of("login with token", "{\"v\":1,\"type\":\"login\",\"id\":\"c1\","
            + "\"user\":\"alice\",\"token\":\"YWxpY2U.123.abc\",\"displayName\":\"Alice\"}",
            MessageType.LOGIN),
        Arguments.of("login open mode", "{\"v\":1,\"type\":\"login\",\"user\":\"bob@lan.x_y-1\"}",
            MessageType.LOGIN),
        Arguments.of("login resume", "{\"v\":1,\"type\":\"login\",\"user\":\"a\","
            + "\"resume\":\"s-1\"}", MessageType.LOGIN),
        Arguments.of("login presence watch", "{\"v\":1,\"type\":\"login\",\"user\":\"a\","
            + "\"presence\":\"watch\"}", MessageType.LOGIN),
        Arguments.of("login presence all", "{\"v\":1,\"type\":\"login\",\"user\":\"a\","
            + "\"presence\":\"all\"}", MessageType.LOGIN),
        Arguments.of("watch", "{\"v\":1,\"type\":\"watch\",\"id\":\"w\","
            + "\"users\":[\"bob\",\"carol@lan\"]}", MessageType.WATCH),
        Arguments.of("watch replace with nobody", "{\"v\":1,\"type\":\"watch\","
            + "\"users\":[],\"replace\":true}", MessageType.WATCH),
        Arguments.of("ping", "{\"v\":1,\"type\":\"ping\"}", MessageType.PING),
        Arguments.of("peers request", "{\"v\":1,\"type\":\"peers\",\"id\":\"p\"}",
            MessageType.PEERS),
        Arguments.of("peers reply", "{\"v\":1,\"type\":\"peers\",\"re\":\"p\",\"peers\":"
            + "[{\"user\":\"bob\",\"displayName\":\"Bob\",\"status\":\"busy\"}]}",
            MessageType.PEERS),
        Arguments.of("login-ok", "{\"v\":1,\"type\":\"login-ok\",\"re\":\"c1\",\"user\":\"a\","
            + "\"sessionId\":\"s1\",\"resumed\":false,\"heartbeatMs\":5000,\"peers\":[],"
            + "\"missedCalls\":[{" + CALL + ",\"from\":\"bob\",\"video\":true,"
            + "\"at\":1700000000000}]}", MessageType.LOGIN_OK),
        Arguments.of("presence", "{\"v\":1,\"type\":\"presence\",\"user\":\"bob\","
            + "\"status\":\"offline\"}", MessageType.PRESENCE),
        Arguments.of("ack", "{\"v\":1,\"type\":\"ack\",\"re\":\"c9\"}", MessageType.ACK),
        Arguments.of("error", "{\"v\":1,\"type\":\"error\",\"re\":\"c9\",\"code\":\"FUTURE\","
            + "\"message\":\"\"}", MessageType.ERROR),
        Arguments.of("invite", "{\"v\":1,\"type\":\"invite\",\"id\":\"i\"," + CALL
            + ",\"to\":\"bob\",\"video\":true,\"sdp\":\"v=0\\r\\n\",\"extraParam\":\"x\"}",
            MessageType.INVITE),
        Arguments.of("invite with unknown extra field", "{\"v\":1,\"type\":\"invite\"," + CALL
            + ",\"to\":\"bob\",\"video\":false,\"sdp\":\"\",\"future\":{\"a\":[1,2]}}",
            MessageType.INVITE),
        Arguments.of("ringing", "{\"v\":1,\"type\":\"ringing\"," + CALL + "}",
            MessageType.RINGING),
        Arguments.of("accept", "{\"v\":1,\"type\":\"accept\"," + CALL
            + ",\"video\":false,\"sdp\":\"v=0\"}", MessageType.ACCEPT),
        Arguments.of("reject", "{\"v\":1,\"type\":\"reject\"," + CALL + ",\"reason\":\"busy\"}",
            MessageType.REJECT),
        Arguments.of("cancel without reason", "{\"v\":1,\"type\":\"cancel\"," + CALL + "}",
            MessageType.CANCEL),
        Arguments.of("hangup", "{\"v\":1,\"type\":\"hangup\"," + CALL
            + ",\"reason\":\"term-by-self\",\"description\":\"bye\"}", MessageType.HANGUP),
        Arguments.of("media-update", "{\"v\":1,\"type\":\"media-update\"," + CALL
            + ",\"micMuted\":true,\"videoSending\":false,\"held\":false}",
            MessageType.MEDIA_UPDATE),
        Arguments.of("message", "{\"v\":1,\"type\":\"message\"," + CALL
            + ",\"msgType\":\"text\",\"content\":\"h\\u00e9llo \\ud83d\\ude00\"}",
            MessageType.MESSAGE),
        Arguments.of("call-ended", "{\"v\":1,\"type\":\"call-ended\"," + CALL
            + ",\"reason\":\"user-offline\",\"description\":\"bob is offline\"}",
            MessageType.CALL_ENDED),
        Arguments.of("forwarded with from", "{\"v\":1,\"type\":\"ringing\"," + CALL
            + ",\"from\":\"bob\"}", MessageType.RINGING),
        Arguments.of("version as 1.0", "{\"v\":1.0,\"type\":\"ping\"}", MessageType.PING),
        Arguments.of("whitespace around", " \n{ \"type\" : \"pong\" , \"v\" : 1 }\t",
            MessageType.PONG));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodMessages")
  void decodesGoodMessages(String name, String text, MessageType type) throws Exception {
    Message m = codec.decode(text);
    assertEquals(type, m.type());
    // Round trip: encode and decode again gives the same message.
    assertEquals(m, codec.decode(codec.encode(m)), name);
  }

  static Stream<Arguments> badMessages() {
    String big = "x".repeat(Protocol.MAX_MESSAGE_BYTES);
    return Stream.of(
        bad("not json", "hello", ErrorCode.BAD_JSON, null, "not valid JSON"),
        bad("empty", "", ErrorCode.BAD_JSON, null, "not valid JSON"),
        bad("array", "[1,2]", ErrorCode.BAD_JSON, null, "JSON object"),
        bad("lenient single quotes", "{'v':1,'type':'ping'}", ErrorCode.BAD_JSON, null, "JSON"),
        bad("trailing garbage", "{\"v\":1,\"type\":\"ping\"} x", ErrorCode.BAD_JSON, null, "JSON"),
        bad("duplicate key", "{\"v\":1,\"type\":\"ping\",\"type\":\"pong\"}", ErrorCode.BAD_JSON,
            null, "duplicate key 'type'"),
        bad("too deep", "{\"v\":1,\"type\":\"ping\",\"x\":" + "[".repeat(40) + "]".repeat(40)
            + "}", ErrorCode.BAD_JSON, null, "nested deeper"),
        bad("huge number", "{\"v\":1,\"type\":\"ping\",\"x\":1" + "0".repeat(40) + "}",
            ErrorCode.BAD_JSON, null, "number longer"),
        bad("too large", "{\"v\":1,\"type\":\"ping\",\"x\":\"" + big + "\"}",
            ErrorCode.TOO_LARGE, null, "larger than 65536"),
        bad("too large in utf-8 only", "{\"v\":1,\"type\":\"ping\",\"x\":\""
            + "\u00e9".repeat(40_000) + "\"}", ErrorCode.TOO_LARGE, null, "larger"),
        bad("missing version", "{\"type\":\"ping\",\"id\":\"a1\"}", ErrorCode.BAD_VERSION, "a1",
            "version 1"),
        bad("version 2", "{\"v\":2,\"type\":\"ping\",\"id\":\"a1\"}", ErrorCode.BAD_VERSION,
            "a1", "unsupported"),
        bad("version as string", "{\"v\":\"1\",\"type\":\"ping\"}", ErrorCode.BAD_VERSION, null,
            "version"),
        bad("unknown type", "{\"v\":1,\"type\":\"dance\",\"id\":\"d\"}", ErrorCode.UNKNOWN_TYPE,
            "d", "'dance'"),
        bad("type missing", "{\"v\":1}", ErrorCode.BAD_MESSAGE, null, "field 'type' is missing"),
        bad("type not a string", "{\"v\":1,\"type\":7}", ErrorCode.BAD_MESSAGE, null,
            "field 'type' must be a string"),
        bad("id too long", "{\"v\":1,\"type\":\"ping\",\"id\":\"" + "i".repeat(65) + "\"}",
            ErrorCode.BAD_MESSAGE, null, "field 'id'"),
        bad("id a number", "{\"v\":1,\"type\":\"ping\",\"id\":5}", ErrorCode.BAD_MESSAGE, null,
            "field 'id'"),
        bad("ack without re", "{\"v\":1,\"type\":\"ack\"}", ErrorCode.BAD_MESSAGE, null,
            "field 're' is missing"),
        bad("login without user", "{\"v\":1,\"type\":\"login\",\"id\":\"l\"}",
            ErrorCode.BAD_MESSAGE, "l", "field 'user' is missing"),
        bad("login bad user syntax", "{\"v\":1,\"type\":\"login\",\"user\":\"al ice\"}",
            ErrorCode.INVALID_USER, null, "field 'user' must be a valid user id"),
        bad("login user too long", "{\"v\":1,\"type\":\"login\",\"user\":\"" + "a".repeat(65)
            + "\"}", ErrorCode.INVALID_USER, null, "field 'user'"),
        bad("login user a number", "{\"v\":1,\"type\":\"login\",\"user\":7}",
            ErrorCode.BAD_MESSAGE, null, "field 'user' must be a string"),
        bad("login token not string", "{\"v\":1,\"type\":\"login\",\"user\":\"a\",\"token\":1}",
            ErrorCode.BAD_MESSAGE, null, "field 'token' must be a string"),
        bad("displayName too long", "{\"v\":1,\"type\":\"login\",\"user\":\"a\","
            + "\"displayName\":\"" + "d".repeat(65) + "\"}", ErrorCode.BAD_MESSAGE, null,
            "field 'displayName'"),
        bad("invite without to", "{\"v\":1,\"type\":\"invite\",\"id\":\"i\"," + CALL
            + ",\"video\":true,\"sdp\":\"\"}", ErrorCode.BAD_MESSAGE, "i",
            "field 'to' is missing"),
        bad("invite video as string", "{\"v\":1,\"type\":\"invite\"," + CALL
            + ",\"to\":\"b\",\"video\":\"yes\",\"sdp\":\"\"}", ErrorCode.BAD_MESSAGE, null,
            "field 'video' must be a boolean"),
        bad("invite short call id", "{\"v\":1,\"type\":\"invite\",\"callId\":\"abc\","
            + "\"to\":\"b\",\"video\":true,\"sdp\":\"\"}", ErrorCode.BAD_MESSAGE, null,
            "field 'callId'"),
        bad("invite call id with underscore", "{\"v\":1,\"type\":\"invite\","
            + "\"callId\":\"abc_defgh\",\"to\":\"b\",\"video\":true,\"sdp\":\"\"}",
            ErrorCode.BAD_MESSAGE, null, "valid call id"),
        bad("invite sdp too big", "{\"v\":1,\"type\":\"invite\"," + CALL
            + ",\"to\":\"b\",\"video\":true,\"sdp\":\"" + "s".repeat(32 * 1024 + 1) + "\"}",
            ErrorCode.BAD_MESSAGE, null, "field 'sdp' is longer than 32768 bytes"),
        bad("invite extraParam too big", "{\"v\":1,\"type\":\"invite\"," + CALL
            + ",\"to\":\"b\",\"video\":true,\"sdp\":\"\",\"extraParam\":\""
            + "e".repeat(4097) + "\"}", ErrorCode.BAD_MESSAGE, null, "field 'extraParam'"),
        bad("reject bad reason", "{\"v\":1,\"type\":\"reject\"," + CALL + ",\"reason\":\"meh\"}",
            ErrorCode.BAD_MESSAGE, null, "one of decline, busy"),
        bad("media-update missing held", "{\"v\":1,\"type\":\"media-update\"," + CALL
            + ",\"micMuted\":true,\"videoSending\":true}", ErrorCode.BAD_MESSAGE, null,
            "field 'held' is missing"),
        bad("message content too big", "{\"v\":1,\"type\":\"message\"," + CALL
            + ",\"msgType\":\"t\",\"content\":\"" + "\u20ac".repeat(5462) + "\"}",
            ErrorCode.BAD_MESSAGE, null, "field 'content' is longer than 16384 bytes"),
        bad("hangup description too long", "{\"v\":1,\"type\":\"hangup\"," + CALL
            + ",\"description\":\"" + "d".repeat(257) + "\"}", ErrorCode.BAD_MESSAGE, null,
            "field 'description'"),
        bad("null required field", "{\"v\":1,\"type\":\"ringing\",\"callId\":null}",
            ErrorCode.BAD_MESSAGE, null, "field 'callId' is missing"),
        bad("from of bad syntax", "{\"v\":1,\"type\":\"ringing\"," + CALL + ",\"from\":\"a b\"}",
            ErrorCode.BAD_MESSAGE, null, "field 'from'"),
        bad("peers item bad status", "{\"v\":1,\"type\":\"peers\",\"peers\":[{\"user\":\"a\","
            + "\"status\":\"away\"}]}", ErrorCode.BAD_MESSAGE, null, "field 'peers[0].status'"),
        bad("login bad presence", "{\"v\":1,\"type\":\"login\",\"user\":\"a\","
            + "\"presence\":\"some\"}", ErrorCode.BAD_MESSAGE, null, "one of all, watch"),
        bad("watch without users", "{\"v\":1,\"type\":\"watch\",\"id\":\"w\"}",
            ErrorCode.BAD_MESSAGE, "w", "field 'users' is missing"),
        bad("watch users not an array", "{\"v\":1,\"type\":\"watch\",\"users\":\"bob\"}",
            ErrorCode.BAD_MESSAGE, null, "field 'users' must be an array"),
        bad("watch user of bad syntax", "{\"v\":1,\"type\":\"watch\","
            + "\"users\":[\"bob\",\"a b\"]}", ErrorCode.BAD_MESSAGE, null,
            "field 'users[1]' must be a valid user id"),
        bad("watch user a number", "{\"v\":1,\"type\":\"watch\",\"users\":[7]}",
            ErrorCode.BAD_MESSAGE, null, "field 'users[0]' must be a string"),
        bad("watch user null", "{\"v\":1,\"type\":\"watch\",\"users\":[null]}",
            ErrorCode.BAD_MESSAGE, null, "field 'users[0]' must be a string"),
        bad("watch too many users", "{\"v\":1,\"type\":\"watch\",\"users\":["
            + "\"u\",".repeat(256) + "\"u\"]}", ErrorCode.BAD_MESSAGE, null,
            "more than 256 items"),
        bad("watch replace not bool", "{\"v\":1,\"type\":\"watch\",\"users\":[],"
            + "\"replace\":1}", ErrorCode.BAD_MESSAGE, null, "field 'replace' must be a boolean"),
        bad("peers item not object", "{\"v\":1,\"type\":\"peers\",\"peers\":[1]}",
            ErrorCode.BAD_MESSAGE, null, "field 'peers[0]' must be an object"),
        bad("heartbeat fraction", "{\"v\":1,\"type\":\"login-ok\",\"user\":\"a\","
            + "\"sessionId\":\"s\",\"resumed\":true,\"heartbeatMs\":1.5,\"peers\":[],"
            + "\"missedCalls\":[]}", ErrorCode.BAD_MESSAGE, null, "must be an integer"));
  }

  private static Arguments bad(String name, String text, ErrorCode code, String re,
      String messagePart) {
    return Arguments.of(name, text, code, re, messagePart);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMessages")
  void rejectsBadMessages(String name, String text, ErrorCode code, String re, String part) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(text), name);
    assertEquals(code, e.code(), name + ": " + e.getMessage());
    assertEquals(re, e.requestId(), name);
    assertTrue(e.getMessage().contains(part), name + ": " + e.getMessage());
  }

  @Test
  void messageAtTheSizeLimitIsAccepted() throws Exception {
    String prefix = "{\"v\":1,\"type\":\"ping\",\"pad\":\"";
    String text = prefix + "p".repeat(Protocol.MAX_MESSAGE_BYTES - prefix.length() - 2) + "\"}";
    assertEquals(Protocol.MAX_MESSAGE_BYTES, text.length());
    assertEquals(MessageType.PING, codec.decode(text).type());
  }

  @Test
  void encodeWritesTheEnvelopeAndFields() throws Exception {
    JsonArray peers = new JsonArray();
    JsonObject bob = new JsonObject();
    bob.addProperty("user", "bob");
    bob.addProperty("status", "online");
    peers.add(bob);
    Message m = Message.builder(MessageType.PEERS).re("p1").put("peers", peers).build();
    String text = codec.encode(m);
    assertTrue(text.startsWith("{\"v\":1,\"type\":\"peers\",\"re\":\"p1\""), text);
    Message back = codec.decode(text);
    assertEquals("p1", back.re());
    assertNull(back.id());
    assertEquals("bob", back.json("peers").getAsJsonArray().get(0).getAsJsonObject()
        .get("user").getAsString());
  }

  @Test
  void encodeDoesNotEscapeHtml() {
    Message m = Message.builder(MessageType.MESSAGE).put("content", "<a href='x'>&</a>").build();
    assertTrue(codec.encode(m).contains("<a href='x'>&</a>"), codec.encode(m));
  }

  @Test
  void unknownFieldsSurviveDecoding() throws Exception {
    Message m = codec.decode("{\"v\":1,\"type\":\"ping\",\"x\":\"y\",\"n\":null}");
    assertEquals("y", m.string("x"));
    assertFalse(m.has("n"));
  }

  @Test
  void validateChecksAnOutgoingMessage() {
    Message m = Message.builder(MessageType.INVITE).put("callId", "short").build();
    ProtocolException e = assertThrows(ProtocolException.class, () -> codec.validate(m));
    assertEquals(ErrorCode.BAD_MESSAGE, e.code());
  }
}
