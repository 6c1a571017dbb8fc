package org.parley.sdk.sdp;

/** A {@code b=<bwtype>:<bandwidth>} line (RFC 8866 section 5.8), e.g. AS in kbit/s. */
public record Bandwidth(String type, long value) {
  public Bandwidth {
    SdpSyntax.token(type, "b= type");
    SdpSyntax.range(value, 0, Long.MAX_VALUE, "b= value");
  }

  static Bandwidth parse(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("b= must be <type>:<bandwidth>");
    }
    return new Bandwidth(
        line.substring(0, colon),
        SdpSyntax.number(line.substring(colon + 1), 0, Long.MAX_VALUE, "b= value"));
  }

  String text() {
    return type + ":" + value;
  }
}
