package org.parley.signalling.protocol;

import java.util.Optional;

/** The {@code status} of a user in {@code peers} and {@code presence} messages. */
public enum PresenceStatus {
  ONLINE("online"),
  BUSY("busy"),
  OFFLINE("offline");

  private final String wireName;

  PresenceStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The status as written on the wire. */
  public String wireName() {
    return wireName;
  }

  /** The status with this wire name, or empty. */
  public static Optional<PresenceStatus> fromWire(String wireName) {
    for (PresenceStatus s : values()) {
      if (s.wireName.equals(wireName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
