package org.parley.signalling.protocol;

import java.util.Optional;

/**
 * The error codes of an {@code error} message (field {@code "code"}), see
 * {@code docs/signalling-protocol.md}. The wire name equals the constant's name. A client must
 * accept codes it does not know ({@link #fromWire} returns empty for them).
 */
public enum ErrorCode {
  BAD_JSON,
  BAD_VERSION,
  UNKNOWN_TYPE,
  BAD_MESSAGE,
  TOO_LARGE,
  RATE_LIMITED,
  NOT_LOGGED_IN,
  ALREADY_LOGGED_IN,
  AUTH_FAILED,
  TOKEN_EXPIRED,
  INVALID_USER,
  UNKNOWN_CALL,
  NOT_IN_CALL,
  BAD_STATE,
  CALL_EXISTS,
  SERVER_FULL,
  INTERNAL;

  /** The code as written on the wire, e.g. {@code "NOT_IN_CALL"}. */
  public String wireName() {
    return name();
  }

  /** The code with this wire name, or empty when it is not one of ours. */
  public static Optional<ErrorCode> fromWire(String wireName) {
    if (wireName == null) {
      return Optional.empty();
    }
    for (ErrorCode c : values()) {
      if (c.name().equals(wireName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
