package org.parley.signalling.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every message type of the Parley signalling protocol, version 1, with its wire name (the
 * {@code "type"} field). See {@code docs/signalling-protocol.md}. Callers receiving a type from
 * the wire must handle {@link #fromWire} returning empty for an unknown name.
 */
public enum MessageType {
  LOGIN("login"),
  LOGIN_OK("login-ok"),
  LOGOUT("logout"),
  LOGGED_OUT("logged-out"),
  PING("ping"),
  PONG("pong"),
  PEERS("peers"),
  WATCH("watch"),
  PRESENCE("presence"),
  KICKED("kicked"),
  ACK("ack"),
  ERROR("error"),
  INVITE("invite"),
  RINGING("ringing"),
  ACCEPT("accept"),
  REJECT("reject"),
  CANCEL("cancel"),
  HANGUP("hangup"),
  MEDIA_UPDATE("media-update"),
  MESSAGE("message"),
  CALL_ENDED("call-ended");

  private static final Map<String, MessageType> BY_WIRE = new HashMap<>();

  static {
    for (MessageType t : values()) {
      BY_WIRE.put(t.wireName, t);
    }
  }

  private final String wireName;

  MessageType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, e.g. {@code "media-update"}. */
  public String wireName() {
    return wireName;
  }

  /** The type with this wire name (case-sensitive), or empty when there is none. */
  public static Optional<MessageType> fromWire(String wireName) {
    return Optional.ofNullable(wireName == null ? null : BY_WIRE.get(wireName));
  }

  /** Whether this is one of the call messages a client sends about a call id. */
  public boolean isCallRequest() {
    switch (this) {
      case INVITE:
      case RINGING:
      case ACCEPT:
      case REJECT:
      case CANCEL:
      case HANGUP:
      case MEDIA_UPDATE:
      case MESSAGE:
        return true;
      default:
        return false;
    }
  }
}
