package org.parley.sdk.sdp;

/** The {@code t=} line (RFC 8866 section 5.9): start and stop NTP seconds, 0 0 for unbounded. */
public record Timing(long start, long stop) {
  public static final Timing UNBOUNDED = new Timing(0, 0);

  public Timing {
    SdpSyntax.range(start, 0, Long.MAX_VALUE, "t= start");
    SdpSyntax.range(stop, 0, Long.MAX_VALUE, "t= stop");
  }

  static Timing parse(String value) {
    String[] f = SdpFields.split(value, 2, "t=");
    return new Timing(
        SdpSyntax.number(f[0], 0, Long.MAX_VALUE, "t= start"),
        SdpSyntax.number(f[1], 0, Long.MAX_VALUE, "t= stop"));
  }

  String value() {
    return start + " " + stop;
  }
}
