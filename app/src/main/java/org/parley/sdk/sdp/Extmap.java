package org.parley.sdk.sdp;

/**
 * An {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} line (RFC 8285 section 8). Parley
 * stamps abs-send-time ({@link #ABS_SEND_TIME_URI}) with id {@link #PARLEY_ABS_SEND_TIME_ID}.
 *
 * @param direction null when absent
 * @param attributes extension attributes verbatim, null when absent
 */
public record Extmap(int id, String direction, String uri, String attributes) {
  public static final String ABS_SEND_TIME_URI =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
  /** The id the native core stamps (native/src/congestion/abs_send_time.h). */
  public static final int PARLEY_ABS_SEND_TIME_ID = 3;

  public Extmap {
    SdpSyntax.range(id, 1, 255, "a=extmap id");
    if (id == 15) {
      throw new IllegalArgumentException("a=extmap id 15 is reserved (RFC 8285 section 4.2)");
    }
    if (direction != null && Direction.fromAttribute(direction) == null) {
      throw new IllegalArgumentException("a=extmap direction '" + direction + "' is not a direction");
    }
    SdpSyntax.word(uri, "a=extmap URI");
    if (attributes != null) {
      SdpSyntax.text(attributes, "a=extmap attributes", false);
    }
  }

  static Extmap parse(String text) {
    String[] f = SdpFields.splitAtLeast(text, 2, 3, "a=extmap");
    String idPart = f[0];
    String direction = null;
    int slash = idPart.indexOf('/');
    if (slash >= 0) {
      direction = idPart.substring(slash + 1);
      idPart = idPart.substring(0, slash);
    }
    int id = (int) SdpSyntax.number(idPart, 1, 255, "a=extmap id");
    return new Extmap(id, direction, f[1], f.length > 2 ? f[2] : null);
  }

  String text() {
    return id
        + (direction == null ? "" : "/" + direction)
        + " "
        + uri
        + (attributes == null ? "" : " " + attributes);
  }
}
