package org.parley.signalling.load;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.MessageType;

/**
 * One simulated user of the load test: a {@link LoadConnection}, requests matched to their
 * replies by id with their round-trip times recorded, and call pushes handed to the {@link
 * Calls} driver. Incoming frames are read with a light JSON parse (presence pushes, the bulk of
 * the traffic with thousands of users, are only counted), so the generator spends its CPU on
 * sending, not on validating; outgoing ones go through the real {@link MessageCodec}.
 */
final class LoadClient {
  /** Receives the call pushes of every client. */
  interface Calls {
    void onInvite(LoadClient callee, String callId);

    void onAccept(LoadClient caller, String callId);

    void onHangup(LoadClient callee, String callId);

    void onCallEnded(LoadClient client, String callId, String reason);
  }

  /** A request that failed: the server's code or a client-side one (TIMEOUT, DISCONNECTED). */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    Failure(String code, String message) {
      super(code + ": " + message, null, false, false);
      this.code = code;
    }
  }

  private static final MessageCodec CODEC = new MessageCodec();
  private static final String PRESENCE_PREFIX = "{\"v\":1,\"type\":\"presence\"";

  final String user;
  private final LoadStats stats;
  private final Calls calls;
  private final long timeoutMs;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile LoadConnection connection;
  private volatile boolean closing;
  private volatile boolean loggedIn;

  private static final class Pending {
    final long sentNanos;
    final LatencyRecorder recorder;
    final CompletableFuture<JsonObject> reply = new CompletableFuture<>();

    Pending(long sentNanos, LatencyRecorder recorder) {
      this.sentNanos = sentNanos;
      this.recorder = recorder;
    }
  }

  LoadClient(String user, LoadStats stats, Calls calls, long timeoutMs) {
    this.user = user;
    this.stats = stats;
    this.calls = calls;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Connects and logs in (open mode); completes on {@code login-ok}. With {@code watch} non-null
   * the login asks for presence {@code watch} and then watches that one user (its ack is
   * awaited too); with null it asks for presence {@code all}.
   */
  CompletableFuture<JsonObject> login(HttpClient http, URI uri, String watch) {
    long start = System.nanoTime();
    LoadConnection.Handler handler =
        new LoadConnection.Handler() {
          @Override
          public void onText(String text) {
            receive(text);
          }

          @Override
          public void onClosed(int code, String reason) {
            closed(code, reason);
          }
        };
    return LoadConnection.open(http, uri, Duration.ofMillis(timeoutMs), handler)
        .thenCompose(c -> {
          connection = c;
          Message.Builder login = Message.builder(MessageType.LOGIN).put("user", user);
          if (watch != null) {
            login.put("presence", "watch");
          }
          return request(login.build(), null);
        })
        .thenCompose(ok -> {
          if (watch == null) {
            return CompletableFuture.completedFuture(ok);
          }
          JsonArray users = new JsonArray();
          users.add(watch);
          return request(Message.builder(MessageType.WATCH).put("users", users).build(), null)
              .thenApply(ack -> ok);
        })
        .whenComplete((ok, e) -> {
          if (e == null) {
            loggedIn = true;
            stats.login.record(System.nanoTime() - start);
          }
        });
  }

  /**
   * Sends {@code m} with a fresh id; the future completes with the reply or fails with a {@link
   * Failure}. The round trip goes into {@code recorder} (null: not recorded).
   */
  CompletableFuture<JsonObject> request(Message m, LatencyRecorder recorder) {
    String id = "r" + ids.incrementAndGet();
    Pending p = new Pending(System.nanoTime(), recorder);
    pending.put(id, p);
    LoadConnection c = connection;
    if (c == null) {
      pending.remove(id);
      p.reply.completeExceptionally(new Failure("DISCONNECTED", "not connected"));
      return p.reply;
    }
    c.send(CODEC.encode(m.withId(id)));
    return p.reply
        .orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .exceptionallyCompose(e -> {
          pending.remove(id);
          Throwable cause = e instanceof java.util.concurrent.CompletionException
              ? e.getCause() : e;
          return CompletableFuture.failedFuture(cause instanceof TimeoutException
              ? new Failure("TIMEOUT", m.type().wireName() + " unanswered") : cause);
        });
  }

  /** Sends without an id (no reply expected). */
  void send(Message m) {
    LoadConnection c = connection;
    if (c != null) {
      c.send(CODEC.encode(m));
    }
  }

  /** A heartbeat; its round trip is recorded in {@code stats.ping}. */
  void ping() {
    if (connection != null && !closing) {
      request(Message.builder(MessageType.PING).build(),
          stats.callPhase ? stats.pingCalls : stats.ping)
          .exceptionally(e -> {
            stats.error(codeOf(e));
            return null;
          });
    }
  }

  boolean isLoggedIn() {
    return loggedIn && connection != null;
  }

  void close() {
    closing = true;
    LoadConnection c = connection;
    if (c != null) {
      c.close();
    }
  }

  /** The code of a failure from {@link #request}. */
  static String codeOf(Throwable e) {
    Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
        ? e.getCause() : e;
    return t instanceof Failure ? ((Failure) t).code : t.getClass().getSimpleName();
  }

  private void receive(String text) {
    stats.messagesReceived.increment();
    if (text.startsWith(PRESENCE_PREFIX)) {
      stats.presenceReceived.increment();
      return;
    }
    JsonObject o;
    try {
      o = JsonParser.parseString(text).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      stats.error("BAD_JSON_FROM_SERVER");
      return;
    }
    String type = str(o, "type");
    String re = str(o, "re");
    if (re != null) {
      Pending p = pending.remove(re);
      if (p != null) {
        if ("error".equals(type)) {
          p.reply.completeExceptionally(new Failure(str(o, "code"), str(o, "message")));
        } else {
          if (p.recorder != null) {
            p.recorder.record(System.nanoTime() - p.sentNanos);
          }
          p.reply.complete(o);
        }
        return;
      }
    }
    if (type == null) {
      return;
    }
    String callId = str(o, "callId");
    switch (type) {
      case "invite":
        calls.onInvite(this, callId);
        break;
      case "accept":
        calls.onAccept(this, callId);
        break;
      case "hangup":
        calls.onHangup(this, callId);
        break;
      case "call-ended":
        calls.onCallEnded(this, callId, str(o, "reason"));
        break;
      case "error":
        stats.error(str(o, "code"));
        break;
      case "kicked":
        stats.error("KICKED");
        break;
      default:
        break; // ringing, peers, pong without a pending request ...
    }
  }

  private void closed(int code, String reason) {
    connection = null;
    if (!closing) {
      stats.unexpectedCloses.increment();
      stats.error(code < 0 ? "CONNECTION_ERROR" : "CLOSED_BY_SERVER:" + code);
    }
    for (String id : pending.keySet()) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.reply.completeExceptionally(new Failure("DISCONNECTED", code + " " + reason));
      }
    }
  }

  private static String str(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }
}
