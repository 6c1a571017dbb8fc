package org.parley.signalling.server;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.ArrayList;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;

/**
 * A logged-in user: session id, display name, and the connection it is attached to. While
 * detached (connection lost, within the reconnect grace) pushes are queued, at most
 * {@link #MAX_QUEUED} (oldest dropped first), and handed over on {@code resume}. Confined to the
 * server core thread.
 */
final class Session {
  static final int MAX_QUEUED = 256;
  private static final MessageCodec CODEC = new MessageCodec();

  private final String id;
  private final String user;
  private String displayName;
  private Connection connection;
  private Instant detachedAt;
  private final ArrayDeque<String> queued = new ArrayDeque<>();
  private long dropped;

  Session(String id, String user, String displayName, Connection connection) {
    this.id = id;
    this.user = user;
    this.displayName = displayName;
    this.connection = connection;
  }

  String id() {
    return id;
  }

  String user() {
    return user;
  }

  /** The display name, or null when the user gave none. */
  String displayName() {
    return displayName;
  }

  void displayName(String value) {
    this.displayName = value;
  }

  /** The live connection, or null while detached. */
  Connection connection() {
    return connection;
  }

  /** When the connection was lost, or null while attached. */
  Instant detachedAt() {
    return detachedAt;
  }

  /** Sends now, or queues while detached. */
  void push(Message message) {
    pushText(CODEC.encode(message));
  }

  /** {@link #push} of an already encoded message (one encoding shared by many sessions). */
  void pushText(String text) {
    if (connection != null && connection.sendText(text)) {
      return;
    }
    if (queued.size() == MAX_QUEUED) {
      queued.removeFirst();
      dropped++;
    }
    queued.addLast(text);
  }

  /** Loses the connection at {@code now}; pushes queue from here on. */
  void detach(Instant now) {
    if (connection != null) {
      connection.session = null;
    }
    connection = null;
    detachedAt = now;
  }

  /** Attaches {@code c} and returns the queued pushes, encoded (the queue is emptied). */
  List<String> attach(Connection c) {
    connection = c;
    c.session = this;
    detachedAt = null;
    List<String> out = new ArrayList<>(queued);
    queued.clear();
    return out;
  }

  /** Pushes dropped from a full queue so far. */
  long droppedPushes() {
    return dropped;
  }
}
