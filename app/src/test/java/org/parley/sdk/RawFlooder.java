package org.parley.sdk;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A raw WebSocket client that throws junk at the signalling server: bad JSON, wrong versions,
 * unknown types, missing fields, call messages without login, and oversized frames.
 */
final class RawFlooder implements AutoCloseable {
  private final WebSocketClient ws;
  final AtomicInteger replies = new AtomicInteger();
  volatile int closeCode;

  RawFlooder(URI uri) throws InterruptedException {
    ws = new WebSocketClient(uri) {
      @Override
      public void onOpen(ServerHandshake handshake) {}

      @Override
      public void onMessage(String message) {
        replies.incrementAndGet();
      }

      @Override
      public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
      }

      @Override
      public void onError(Exception ex) {}
    };
    if (!ws.connectBlocking(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("flooder could not connect");
    }
  }

  void flood(int rounds) throws InterruptedException {
    List<String> junk = List.of(
        "not json at all",
        "{",
        "[]",
        "{\"v\":2,\"type\":\"ping\"}",
        "{\"v\":1,\"type\":\"no-such-type\"}",
        "{\"v\":1,\"type\":\"invite\",\"callId\":\"x\"}",
        "{\"v\":1,\"type\":\"hangup\",\"callId\":\"00000000-0000\"}",
        "{\"v\":1,\"type\":\"login\",\"user\":\"bad user name!\"}",
        "{\"v\":1,\"type\":\"login\",\"user\":\"" + "u".repeat(500) + "\"}",
        "{\"v\":1,\"type\":\"message\",\"content\":\"" + "x".repeat(70_000) + "\"}");
    for (int i = 0; i < rounds && ws.isOpen(); i++) {
      if (!send(junk.get(i % junk.size()))) {
        break;
      }
    }
    if (ws.isOpen()) {
      send("y".repeat(1_100_000)); // past 1 MiB: the server closes with 1009
    }
    Thread.sleep(500);
  }

  /** Sends one frame; false once the server has closed us (it may do so between check and send). */
  private boolean send(String text) {
    try {
      ws.send(text);
      return true;
    } catch (WebsocketNotConnectedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      ws.closeBlocking();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
