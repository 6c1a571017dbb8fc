package org.parley.sdk.sdp;

/** The media direction attributes of RFC 3264 section 5.1 / RFC 8866 section 6.7. */
public enum Direction {
  SENDRECV("sendrecv", true, true),
  SENDONLY("sendonly", true, false),
  RECVONLY("recvonly", false, true),
  INACTIVE("inactive", false, false);

  private final String attribute;
  private final boolean sends;
  private final boolean receives;

  Direction(String attribute, boolean sends, boolean receives) {
    this.attribute = attribute;
    this.sends = sends;
    this.receives = receives;
  }

  /** The attribute name, e.g. "sendrecv". */
  public String attribute() {
    return attribute;
  }

  /** Whether the side whose description this is sends media. */
  public boolean sends() {
    return sends;
  }

  /** Whether the side whose description this is receives media. */
  public boolean receives() {
    return receives;
  }

  /** The direction for a side that sends and receives as given. */
  public static Direction of(boolean sends, boolean receives) {
    if (sends) {
      return receives ? SENDRECV : SENDONLY;
    }
    return receives ? RECVONLY : INACTIVE;
  }

  /** The direction named by an attribute, or null when the name is not a direction. */
  static Direction fromAttribute(String name) {
    for (Direction d : values()) {
      if (d.attribute.equals(name)) {
        return d;
      }
    }
    return null;
  }
}
