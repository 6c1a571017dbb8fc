package org.parley.sdk.sdp;

/** The {@code c=} line (RFC 8866 section 5.7): {@code <nettype> <addrtype> <connection-address>}. */
public record Connection(String netType, String addressType, String address) {
  public Connection {
    SdpSyntax.token(netType, "c= network type");
    SdpSyntax.token(addressType, "c= address type");
    SdpSyntax.word(address, "c= address");
  }

  /** An IN connection for an IP address literal ("IP6" when it contains ':'). */
  public static Connection of(String address) {
    return new Connection("IN", addressTypeOf(address), address);
  }

  static String addressTypeOf(String address) {
    return address.indexOf(':') >= 0 ? "IP6" : "IP4";
  }

  /** Whether this is an IN IP4/IP6 address we can send to (not 0.0.0.0, ::, or multicast TTL). */
  public boolean isUsableUnicast() {
    return "IN".equals(netType)
        && ("IP4".equals(addressType) || "IP6".equals(addressType))
        && !address.equals("0.0.0.0")
        && !address.equals("::")
        && address.indexOf('/') < 0;
  }

  static Connection parse(String value) {
    String[] f = SdpFields.split(value, 3, "c=");
    return new Connection(f[0], f[1], f[2]);
  }

  String value() {
    return netType + " " + addressType + " " + address;
  }
}
