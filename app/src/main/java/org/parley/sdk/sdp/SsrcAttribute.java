package org.parley.sdk.sdp;

/**
 * An {@code a=ssrc:<ssrc-id> <attribute>[:<value>]} line (RFC 5576 section 4.1), e.g. the CNAME
 * of a source. {@code value} is null when the attribute has none.
 */
public record SsrcAttribute(long ssrc, String name, String value) {
  public SsrcAttribute {
    SdpSyntax.range(ssrc, 0, 0xFFFF_FFFFL, "SSRC");
    SdpSyntax.token(name, "a=ssrc attribute name");
    if (value != null) {
      SdpSyntax.text(value, "a=ssrc attribute value", true);
    }
  }

  public static SsrcAttribute cname(long ssrc, String cname) {
    return new SsrcAttribute(ssrc, "cname", cname);
  }

  static SsrcAttribute parse(String text) {
    String[] f = SdpFields.splitAtLeast(text, 2, 2, "a=ssrc");
    long ssrc = SdpSyntax.number(f[0], 0, 0xFFFF_FFFFL, "SSRC");
    Attribute attribute = Attribute.parse(f[1]);
    return new SsrcAttribute(ssrc, attribute.name(), attribute.value());
  }

  String text() {
    return ssrc + " " + (value == null ? name : name + ":" + value);
  }
}
