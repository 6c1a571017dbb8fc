package org.parley.signalling.protocol;

import java.util.Optional;

/** The {@code reason} of a server's {@code call-ended} message. */
public enum CallEndReason {
  /** The other party's connection was lost and did not come back within the grace. */
  NETWORK("network"),
  /** The callee is in another call. */
  BUSY("busy"),
  /** The callee is not logged in; the call was stored as missed. */
  USER_OFFLINE("user-offline"),
  /** Nobody answered within the server's ring timeout. */
  TIMEOUT("timeout"),
  /** The call or the user does not exist. */
  NOT_FOUND("not-found");

  private final String wireName;

  CallEndReason(String wireName) {
    this.wireName = wireName;
  }

  /** The reason as written on the wire. */
  public String wireName() {
    return wireName;
  }

  /** The reason with this wire name, or empty. */
  public static Optional<CallEndReason> fromWire(String wireName) {
    for (CallEndReason r : values()) {
      if (r.wireName.equals(wireName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
