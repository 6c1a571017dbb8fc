package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.ProtocolException;

/**
 * A bare Java-WebSocket client for the server tests: sends raw text or messages, and keeps
 * what arrives (each frame decoded by the codec, so the server's output is validated too).
 * {@link #await} waits (up to 20 s) for the first unconsumed message matching a predicate.
 */
final class TestClient extends WebSocketClient {
  private static final long WAIT_MS = 20_000;
  private static final MessageCodec CODEC = new MessageCodec();

  private final List<Message> inbox = new ArrayList<>();
  private final List<String> undecodable = new ArrayList<>();
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private int counter;
  /** The user of the last successful {@link #login}. */
  volatile String user;

  TestClient(URI uri) {
    super(uri);
    setConnectionLostTimeout(0);
  }

  /** Connects and waits for the handshake. */
  TestClient open() throws InterruptedException {
    assertTrue(connectBlocking(20, TimeUnit.SECONDS), "connect to " + getURI());
    return this;
  }

  void send(Message m) {
    send(CODEC.encode(m));
  }

  /** Sends {@code m} with a fresh id and returns the id. */
  String request(Message.Builder m) {
    String id = "r" + (++counter);
    send(m.id(id).build());
    return id;
  }

  /** Logs in and waits for login-ok. */
  Message login(String user, String token) throws InterruptedException {
    Message.Builder b = Message.builder(MessageType.LOGIN).put("user", user);
    if (token != null) {
      b.put("token", token);
    }
    String id = request(b);
    Message ok = awaitReply(id, MessageType.LOGIN_OK);
    this.user = user;
    return ok;
  }

  /** Waits for the reply to request {@code id} and checks its type. */
  Message awaitReply(String id, MessageType type) throws InterruptedException {
    Message m = await(x -> id.equals(x.re()), "reply to " + id);
    assertEquals(type, m.type(), "reply to " + id + ": " + m);
    return m;
  }

  /** Waits for an error replying to {@code id} with {@code code}. */
  Message awaitError(String id, ErrorCode code) throws InterruptedException {
    Message m = awaitReply(id, MessageType.ERROR);
    assertEquals(code.wireName(), m.string("code"), m.string("message"));
    return m;
  }

  Message await(MessageType type) throws InterruptedException {
    return await(m -> m.type() == type, type.wireName());
  }

  Message await(MessageType type, String callId) throws InterruptedException {
    return await(m -> m.type() == type && callId.equals(m.string("callId")),
        type.wireName() + " of " + callId);
  }

  /** Removes and returns the first message matching {@code p}, waiting up to 20 s. */
  synchronized Message await(Predicate<Message> p, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (true) {
      for (Iterator<Message> it = inbox.iterator(); it.hasNext(); ) {
        Message m = it.next();
        if (p.test(m)) {
          it.remove();
          return m;
        }
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        fail("no " + what + " within " + WAIT_MS + " ms; inbox " + inbox + ", undecodable "
            + undecodable);
      }
      wait(left);
    }
  }

  /** Whether a message matching {@code p} has arrived and is unconsumed (no waiting). */
  synchronized boolean has(Predicate<Message> p) {
    return inbox.stream().anyMatch(p);
  }

  /** Waits for the server to close and returns the status. */
  int awaitClose() throws Exception {
    return closeCode.get(WAIT_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public synchronized void onMessage(String text) {
    try {
      inbox.add(CODEC.decode(text));
    } catch (ProtocolException e) {
      undecodable.add(e.code() + ": " + text);
    }
    notifyAll();
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    synchronized (this) {
      undecodable.add("binary frame");
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closeCode.complete(code);
  }

  @Override
  public void onError(Exception ex) {}

  synchronized List<String> undecodable() {
    return new ArrayList<>(undecodable);
  }
}
