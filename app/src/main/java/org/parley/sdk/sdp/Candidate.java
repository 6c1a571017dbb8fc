package org.parley.sdk.sdp;

import java.util.List;

/**
 * An ICE {@code a=candidate} line (RFC 8839 section 5.1): {@code <foundation> <component-id>
 * <transport> <priority> <connection-address> <port> typ <cand-type> *(SP <name> SP <value>)}.
 * Parley writes host candidates only; other types are parsed and kept but not used.
 *
 * @param extensions the name/value pairs after the type (raddr, rport, generation...), in order
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    String type,
    List<String> extensions) {
  public Candidate {
    SdpSyntax.word(foundation, "candidate foundation");
    if (foundation.length() > 32) {
      throw new IllegalArgumentException("candidate foundation is longer than 32 characters");
    }
    for (int i = 0; i < foundation.length(); i++) {
      char c = foundation.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/')) {
        throw new IllegalArgumentException("candidate foundation '" + foundation + "' has a bad character");
      }
    }
    SdpSyntax.range(component, 1, 256, "candidate component");
    SdpSyntax.token(transport, "candidate transport");
    SdpSyntax.range(priority, 1, 0xFFFF_FFFFL, "candidate priority");
    SdpSyntax.word(address, "candidate address");
    SdpSyntax.range(port, 0, 65535, "candidate port");
    SdpSyntax.token(type, "candidate type");
    extensions = SdpSyntax.list(extensions, "candidate extensions");
    if (extensions.size() % 2 != 0) {
      throw new IllegalArgumentException("candidate extensions must be name/value pairs");
    }
    for (String e : extensions) {
      SdpSyntax.word(e, "candidate extension");
    }
  }

  /** RFC 8445 section 5.1.2.1 priority of a host candidate: type preference 126, local 65535. */
  public static Candidate host(String foundation, int component, String address, int port) {
    long priority = (126L << 24) + (65535L << 8) + (256 - component);
    return new Candidate(foundation, component, "UDP", priority, address, port, "host", List.of());
  }

  public boolean isHostUdp() {
    return "host".equals(type) && "UDP".equalsIgnoreCase(transport);
  }

  static Candidate parse(String value) {
    String[] f = SdpFields.splitAtLeast(value, 8, -1, "a=candidate");
    if (!"typ".equals(f[6])) {
      throw new IllegalArgumentException("a=candidate needs 'typ' as its seventh field");
    }
    return new Candidate(
        f[0],
        (int) SdpSyntax.number(f[1], 1, 256, "candidate component"),
        f[2],
        SdpSyntax.number(f[3], 1, 0xFFFF_FFFFL, "candidate priority"),
        f[4],
        (int) SdpSyntax.number(f[5], 0, 65535, "candidate port"),
        f[7],
        List.of(f).subList(8, f.length));
  }

  String value() {
    StringBuilder b = new StringBuilder();
    b.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
        .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ")
        .append(type);
    for (String e : extensions) {
      b.append(' ').append(e);
    }
    return b.toString();
  }
}
