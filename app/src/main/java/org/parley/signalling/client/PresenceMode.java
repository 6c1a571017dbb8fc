package org.parley.signalling.client;

import org.parley.signalling.protocol.Protocol;

/**
 * Which presence pushes a {@link SignallingClient} asks for at login ({@code login.presence},
 * {@code docs/signalling-protocol.md}): {@link #ALL} users (the peer list of everyone; small
 * servers and LAN demos) or only those it {@link SignallingClient#watch watches} (contact
 * lists; what large servers need).
 */
public enum PresenceMode {
  /** Peer list and pushes for every logged-in user (the server may cap it). */
  ALL(Protocol.PRESENCE_ALL),
  /** No peer list at login; pushes only for the users named with {@code watch}. */
  WATCH(Protocol.PRESENCE_WATCH);

  private final String wireName;

  PresenceMode(String wireName) {
    this.wireName = wireName;
  }

  /** The value of {@code login.presence}. */
  public String wireName() {
    return wireName;
  }
}
