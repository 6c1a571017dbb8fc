package org.parley.signalling.server;

import java.util.Collection;
import org.parley.signalling.protocol.Message;

/**
 * Delivers a server push to a user wherever they are connected (queued while they are within
 * the reconnect grace). The in-memory implementation is {@link LocalSessions}; a shared one
 * (Redis pub/sub) can replace it. Called on the server core thread.
 */
public interface MessageRouter {
  /** Delivers {@code message} to {@code user}; false when the user is not logged in. */
  boolean deliver(String user, Message message);

  /**
   * Delivers the same {@code message} to each of {@code users} (those not logged in are
   * skipped). Implementations should encode it once for all of them.
   */
  default void deliverEach(Collection<String> users, Message message) {
    for (String u : users) {
      deliver(u, message);
    }
  }
}
