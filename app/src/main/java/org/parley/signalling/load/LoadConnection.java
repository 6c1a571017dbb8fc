package org.parley.signalling.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One load-test WebSocket on {@link java.net.http.HttpClient}: no thread of its own (the shared
 * client's selector and executor serve thousands of them). Text frames are reassembled and
 * handed to the {@link Handler} one at a time; sends are chained so that at most one is
 * outstanding, as {@link WebSocket#sendText} requires.
 */
final class LoadConnection implements WebSocket.Listener {
  /** What the connection reports; calls for one connection never overlap. */
  interface Handler {
    void onText(String text);

    /** The connection ended: {@code code} is the close status (-1 for a transport error). */
    void onClosed(int code, String reason);
  }

  private final Handler handler;
  private final StringBuilder partial = new StringBuilder();
  private final Object sendLock = new Object();
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
  private volatile WebSocket socket;
  private volatile boolean closed;

  private LoadConnection(Handler handler) {
    this.handler = handler;
  }

  /** Opens a connection; the future fails when the handshake does. */
  static CompletableFuture<LoadConnection> open(HttpClient http, URI uri, Duration timeout,
      Handler handler) {
    LoadConnection c = new LoadConnection(handler);
    return http.newWebSocketBuilder()
        .connectTimeout(timeout)
        .buildAsync(uri, c)
        .thenApply(ws -> {
          c.socket = ws;
          return c;
        });
  }

  /** Queues one text frame; dropped once the connection is closed. */
  void send(String text) {
    synchronized (sendLock) {
      if (closed) {
        return;
      }
      lastSend = lastSend.handle((x, e) -> null)
          .thenCompose(x -> {
            WebSocket ws = socket;
            return ws == null || closed ? CompletableFuture.completedFuture(null)
                : ws.sendText(text, true);
          });
    }
  }

  /** Closes with 1000 (and aborts if the server does not answer the close). */
  void close() {
    WebSocket ws = socket;
    synchronized (sendLock) {
      if (closed) {
        return;
      }
      closed = true;
      if (ws != null) {
        lastSend.handle((x, e) -> null)
            .thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
            .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
            .whenComplete((x, e) -> ws.abort());
      }
    }
  }

  @Override
  public void onOpen(WebSocket ws) {
    socket = ws;
    ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    if (!last) {
      partial.append(data);
    } else if (partial.length() == 0) {
      handler.onText(data.toString());
    } else {
      partial.append(data);
      String text = partial.toString();
      partial.setLength(0);
      handler.onText(text);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closed = true;
    handler.onClosed(statusCode, reason);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed = true;
    handler.onClosed(-1, String.valueOf(error));
  }
}
