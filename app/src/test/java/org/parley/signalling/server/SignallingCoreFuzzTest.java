package org.parley.signalling.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.signalling.auth.Authenticator;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.ProtocolException;

/**
 * Fuzzes the server core without sockets: three fake connections send fuzzed call messages,
 * raw frames and clock jumps in any order. The core must never throw, and everything it writes
 * must be a valid protocol message (checked with the codec). Plain JUnit runs replay the seeds
 * in {@code SignallingCoreFuzzTestInputs/session/}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class SignallingCoreFuzzTest {
  private static final MessageCodec CODEC = new MessageCodec();
  private static final String[] USERS = {"alice", "bob", "carol", "dave"};
  private static final String[] CALLS = {"call-0001", "call-0002", "call-0003"};
  private static final MessageType[] TYPES = MessageType.values();

  /** A link that checks every frame the server writes. */
  private static final class CheckingLink implements ClientLink {
    final List<String> sent = new ArrayList<>();
    boolean closed;

    @Override
    public boolean send(String text) {
      try {
        CODEC.decode(text);
      } catch (ProtocolException e) {
        throw new AssertionError("the server wrote an invalid message: " + e.getMessage()
            + ": " + text, e);
      }
      sent.add(text);
      return !closed;
    }

    @Override
    public void close(int status, String reason) {
      if (status < 1000 || status > 4999) {
        throw new AssertionError("bad close status " + status);
      }
      closed = true;
    }

    @Override
    public String describe() {
      return "fuzz";
    }
  }

  @FuzzTest(maxDuration = "15s")
  void session(FuzzedDataProvider data) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    ServerConfig config = ServerConfig.builder().open().clock(clock).rateLimit(1000, 1000)
        .heartbeatMs(5000).build();
    SignallingCore core = new SignallingCore(config, Authenticator.open());
    List<Connection> conns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Connection c = core.opened(new CheckingLink());
      conns.add(c);
      core.text(c, CODEC.encode(Message.builder(MessageType.LOGIN).id("l").put("user", USERS[i])
          .put("presence", i == 1 ? "watch" : "all").build()));
    }
    while (data.remainingBytes() > 0) {
      int connIndex = data.consumeInt(0, conns.size() - 1);
      Connection c = conns.get(connIndex);
      int action = data.consumeInt(0, 12);
      if (action == 0) {
        core.text(c, data.consumeString(200));
      } else if (action == 1) {
        clock.advance(Duration.ofMillis(data.consumeLong(0, 70_000)));
        core.sweep();
      } else if (action == 2) {
        core.closed(c);
        Connection fresh = core.opened(new CheckingLink());
        conns.set(connIndex, fresh);
      } else if (action == 3) {
        core.binary(c);
      } else {
        core.text(c, CODEC.encode(message(data)));
      }
    }
    core.sweep();
    core.shutdown();
  }

  private static Message message(FuzzedDataProvider data) {
    Message.Builder b = Message.builder(data.pickValue(TYPES));
    try {
      addFields(b, data);
    } catch (IllegalArgumentException reservedName) {
      // a fuzzed field name was "v", "type", "id" or "re": send what there is
    }
    return b.build();
  }

  private static void addFields(Message.Builder b, FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      b.id("i" + data.consumeInt(0, 9));
    }
    int fields = data.consumeInt(0, 6);
    for (int i = 0; i < fields; i++) {
      switch (data.consumeInt(0, 11)) {
        case 0: b.put("callId", data.pickValue(CALLS)); break;
        case 1: b.put("to", data.pickValue(USERS)); break;
        case 2: b.put("user", data.pickValue(USERS)); break;
        case 3: b.put("video", data.consumeBoolean()); break;
        case 4: b.put("sdp", data.consumeString(100)); break;
        case 5: b.put("reason", data.pickValue(new String[] {"decline", "busy", "timeout",
            "cancel", "x"})); break;
        case 6: b.put("micMuted", data.consumeBoolean()).put("videoSending", true)
            .put("held", false); break;
        case 7: b.put("msgType", "text").put("content", data.consumeString(100)); break;
        case 8: b.put("resume", data.consumeString(30)); break;
        case 9:
          com.google.gson.JsonArray users = new com.google.gson.JsonArray();
          for (int n = data.consumeInt(0, 4); n > 0; n--) {
            users.add(data.pickValue(USERS));
          }
          b.put("users", users).put("replace", data.consumeBoolean());
          break;
        case 10: b.put("presence", data.pickValue(new String[] {"all", "watch", "x"})); break;
        default: b.put(data.consumeString(8), data.consumeString(20));
      }
    }
  }
}
