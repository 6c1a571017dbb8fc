package org.parley.sdk.sdp;

/**
 * An attribute the model keeps as text ({@code a=<name>} or {@code a=<name>:<value>}, RFC 8866
 * section 5.13), e.g. {@code mid} or {@code rtcp}. {@code value} is null for a flag attribute.
 */
public record Attribute(String name, String value) {
  public Attribute {
    SdpSyntax.token(name, "attribute name");
    if (value != null) {
      SdpSyntax.text(value, "a=" + name + " value", true);
    }
  }

  public static Attribute flag(String name) {
    return new Attribute(name, null);
  }

  static Attribute parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0
        ? new Attribute(text, null)
        : new Attribute(text.substring(0, colon), text.substring(colon + 1));
  }

  String text() {
    return value == null ? name : name + ":" + value;
  }
}
