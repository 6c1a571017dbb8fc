package org.parley.signalling.server;

import java.time.Instant;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;

/**
 * The server's state for one open WebSocket: its link, rate limiter, abuse counters, when it
 * was last heard from and the session logged in on it (null before login). Confined to the
 * server core thread.
 */
final class Connection {
  private static final MessageCodec CODEC = new MessageCodec();

  final ClientLink link;
  final TokenBucket bucket;
  final AbusePolicy abuse;
  final Instant openedAt;
  Instant lastHeard;
  Session session;
  private boolean closed;

  Connection(ClientLink link, ServerConfig config, Instant now) {
    this.link = link;
    this.bucket = new TokenBucket(config.ratePerSecond(), config.rateBurst(), now);
    this.abuse = new AbusePolicy(config.ratePerSecond(), now);
    this.openedAt = now;
    this.lastHeard = now;
  }

  /** Sends {@code message}; false when the connection is closed (the message is dropped). */
  boolean send(Message message) {
    return !closed && link.send(CODEC.encode(message));
  }

  /** Sends an already encoded message; false when the connection is closed. */
  boolean sendText(String text) {
    return !closed && link.send(text);
  }

  /** Marks the connection closed and closes the link; later sends are dropped. */
  void close(int status, String reason) {
    if (!closed) {
      closed = true;
      link.close(status, reason);
    }
  }

  /** Marks the connection closed after the peer closed it. */
  void markClosed() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return link.describe() + (session == null ? "" : " (" + session.user() + ")");
  }
}
