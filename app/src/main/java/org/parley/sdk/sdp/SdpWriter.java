package org.parley.sdk.sdp;

/**
 * Writes a {@link SessionDescription} as SDP text: CRLF line ends, session lines in the order of
 * RFC 8866 section 5 (v o s i c b t a), then each media section (m i c b a). Attributes of a
 * media section come as: direction, rtcp-mux, extmap, crypto, candidate, per payload type
 * rtpmap/fmtp/rtcp-fb, other attributes, ssrc-group, ssrc. The output parses back to an equal
 * description.
 */
public final class SdpWriter {
  private static final String CRLF = "\r\n";

  private SdpWriter() {}

  public static String write(SessionDescription sdp) {
    StringBuilder out = new StringBuilder(1024);
    line(out, 'v', "0");
    line(out, 'o', sdp.origin().value());
    line(out, 's', sdp.name());
    if (sdp.info() != null) {
      line(out, 'i', sdp.info());
    }
    if (sdp.connection() != null) {
      line(out, 'c', sdp.connection().value());
    }
    for (Bandwidth b : sdp.bandwidths()) {
      line(out, 'b', b.text());
    }
    for (Timing t : sdp.timings()) {
      line(out, 't', t.value());
    }
    if (sdp.direction() != null) {
      line(out, 'a', sdp.direction().attribute());
    }
    for (Attribute a : sdp.attributes()) {
      line(out, 'a', a.text());
    }
    for (MediaDescription m : sdp.media()) {
      media(out, m);
    }
    return out.toString();
  }

  private static void media(StringBuilder out, MediaDescription m) {
    out.append("m=").append(m.media()).append(' ').append(m.port()).append(' ').append(m.proto());
    for (String format : m.formats()) {
      out.append(' ').append(format);
    }
    out.append(CRLF);
    if (m.info() != null) {
      line(out, 'i', m.info());
    }
    if (m.connection() != null) {
      line(out, 'c', m.connection().value());
    }
    for (Bandwidth b : m.bandwidths()) {
      line(out, 'b', b.text());
    }
    if (m.direction() != null) {
      line(out, 'a', m.direction().attribute());
    }
    if (m.rtcpMux()) {
      line(out, 'a', "rtcp-mux");
    }
    for (Extmap e : m.extmaps()) {
      line(out, 'a', "extmap:" + e.text());
    }
    for (Crypto c : m.cryptos()) {
      line(out, 'a', "crypto:" + c.value());
    }
    for (Candidate c : m.candidates()) {
      line(out, 'a', "candidate:" + c.value());
    }
    for (PayloadFormat pf : m.payloadFormats()) {
      if (pf.encodingName() != null) {
        line(out, 'a', "rtpmap:" + pf.rtpmapValue());
      }
      if (pf.fmtp() != null) {
        line(out, 'a', "fmtp:" + pf.payloadType() + " " + pf.fmtp());
      }
      for (String fb : pf.rtcpFeedback()) {
        line(out, 'a', "rtcp-fb:" + pf.payloadType() + " " + fb);
      }
    }
    for (Attribute a : m.attributes()) {
      line(out, 'a', a.text());
    }
    for (SsrcGroup g : m.ssrcGroups()) {
      line(out, 'a', "ssrc-group:" + g.text());
    }
    for (SsrcAttribute s : m.ssrcs()) {
      line(out, 'a', "ssrc:" + s.text());
    }
  }

  private static void line(StringBuilder out, char type, String value) {
    out.append(type).append('=').append(value).append(CRLF);
  }
}
