package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * One RTP payload type of a media section with its {@code a=rtpmap} (RFC 8866 section 6.6),
 * {@code a=fmtp} (6.15) and {@code a=rtcp-fb} (RFC 4585 section 4.2) attributes.
 *
 * @param payloadType 0..127, listed on the m= line
 * @param encodingName e.g. "opus", "VP8", "rtx"; null when there is no rtpmap (static types)
 * @param clockRate Hz from the rtpmap; 0 without one
 * @param channels encoding parameters (audio channels); 0 when absent
 * @param fmtp the format parameters verbatim, e.g. "apt=96"; null when absent
 * @param rtcpFeedback the rtcp-fb values for this type, e.g. "nack", "nack pli", "goog-remb"
 */
public record PayloadFormat(
    int payloadType,
    String encodingName,
    int clockRate,
    int channels,
    String fmtp,
    List<String> rtcpFeedback) {
  public PayloadFormat {
    SdpSyntax.range(payloadType, 0, 127, "payload type");
    if (encodingName != null) {
      SdpSyntax.token(encodingName, "rtpmap encoding name");
      if (encodingName.indexOf('/') >= 0) {
        throw new IllegalArgumentException("rtpmap encoding name must not contain '/'");
      }
      SdpSyntax.range(clockRate, 1, Integer.MAX_VALUE, "rtpmap clock rate");
      SdpSyntax.range(channels, 0, 255, "rtpmap channels");
    } else if (clockRate != 0 || channels != 0) {
      throw new IllegalArgumentException("clock rate and channels need an encoding name");
    }
    if (fmtp != null) {
      SdpSyntax.text(fmtp, "a=fmtp parameters", false);
    }
    rtcpFeedback = SdpSyntax.list(rtcpFeedback, "rtcp-fb values");
    for (String fb : rtcpFeedback) {
      SdpSyntax.text(fb, "a=rtcp-fb value", false);
    }
  }

  /** A payload type with an rtpmap and nothing else. */
  public static PayloadFormat rtpmap(int payloadType, String encodingName, int clockRate, int channels) {
    return new PayloadFormat(payloadType, encodingName, clockRate, channels, null, List.of());
  }

  public PayloadFormat withFmtp(String value) {
    return new PayloadFormat(payloadType, encodingName, clockRate, channels, value, rtcpFeedback);
  }

  public PayloadFormat withRtcpFeedback(List<String> values) {
    return new PayloadFormat(payloadType, encodingName, clockRate, channels, fmtp, values);
  }

  PayloadFormat plusRtcpFeedback(String value) {
    List<String> all = new ArrayList<>(rtcpFeedback);
    all.add(value);
    return withRtcpFeedback(all);
  }

  /** Whether the rtpmap names this encoding (case-insensitive, RFC 4855 section 3), rate and channels. */
  public boolean is(String name, int rate, int channelCount) {
    return encodingName != null
        && encodingName.equalsIgnoreCase(name)
        && clockRate == rate
        && Math.max(channels, 1) == Math.max(channelCount, 1);
  }

  /** The value of one fmtp parameter ("apt" in "apt=96"), or null. Names are case-insensitive. */
  public String fmtpParameter(String name) {
    if (fmtp == null) {
      return null;
    }
    for (String part : fmtp.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
        return part.substring(eq + 1).trim();
      }
    }
    return null;
  }

  String rtpmapValue() {
    return payloadType + " " + encodingName + "/" + clockRate + (channels > 0 ? "/" + channels : "");
  }

  /** Parses the value of a=rtpmap after the payload type: {@code <name>/<rate>[/<params>]}. */
  static PayloadFormat parseRtpmap(int payloadType, String encoding) {
    String[] parts = encoding.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "a=rtpmap needs <encoding name>/<clock rate>[/<channels>], got '" + encoding + "'");
    }
    int rate = (int) SdpSyntax.number(parts[1], 1, Integer.MAX_VALUE, "rtpmap clock rate");
    int channels = parts.length == 3 ? (int) SdpSyntax.number(parts[2], 0, 255, "rtpmap channels") : 0;
    return rtpmap(payloadType, parts[0], rate, channels);
  }
}
