package org.parley.sdk.sdp;

/**
 * The {@code o=} line (RFC 8866 section 5.2): {@code <username> <sess-id> <sess-version> <nettype>
 * <addrtype> <unicast-address>}. Session id and version are kept as digit strings (they may
 * exceed 64 bits).
 */
public record Origin(
    String username,
    String sessionId,
    String sessionVersion,
    String netType,
    String addressType,
    String address) {
  public Origin {
    SdpSyntax.word(username, "o= username");
    SdpSyntax.digits(sessionId, 32, "o= session id");
    SdpSyntax.digits(sessionVersion, 32, "o= session version");
    SdpSyntax.token(netType, "o= network type");
    SdpSyntax.token(addressType, "o= address type");
    SdpSyntax.word(address, "o= address");
  }

  /** An IN origin for an IP address literal ("IP6" when it contains ':'). */
  public static Origin of(String sessionId, String sessionVersion, String address) {
    return new Origin(
        "-", sessionId, sessionVersion, "IN", Connection.addressTypeOf(address), address);
  }

  static Origin parse(String value) {
    String[] f = SdpFields.split(value, 6, "o=");
    return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
  }

  String value() {
    return String.join(" ", username, sessionId, sessionVersion, netType, addressType, address);
  }
}
