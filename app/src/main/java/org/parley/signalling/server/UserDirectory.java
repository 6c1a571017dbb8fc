package org.parley.signalling.server;

import java.util.Collection;
import java.util.Optional;
import org.parley.signalling.protocol.PresenceStatus;

/**
 * Where users are: who is logged in, with which display name and status. The in-memory
 * implementation is {@link LocalSessions}; a shared one (Redis) can replace it for more than
 * one server node. Called on the server core thread.
 */
public interface UserDirectory {
  /** A logged-in user (a user within the reconnect grace counts), or empty. */
  Optional<Entry> lookup(String user);

  /** Every logged-in user. */
  Collection<Entry> online();

  /** How many users are logged in. */
  default int count() {
    return online().size();
  }

  /** One user's presence. */
  record Entry(String user, String displayName, PresenceStatus status) {}
}
