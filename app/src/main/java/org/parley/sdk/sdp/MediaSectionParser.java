package org.parley.sdk.sdp;

import java.util.List;
import org.parley.sdk.sdp.SdpParseException.Code;

/**
 * Collects the lines of one media section for {@link SdpParser}: the m= line (RFC 8866 section
 * 5.14) and the typed attributes of RFC 8866 section 6, RFC 4585, RFC 4568, RFC 5576, RFC 8285
 * and RFC 8839. Throws {@link IllegalArgumentException} or {@link SdpParseException}; the
 * parser adds the line number to the former.
 */
final class MediaSectionParser {
  private final int mLine;
  private final MediaDescription.Builder media;
  private final boolean rtp;
  private final List<String> formats;

  MediaSectionParser(int number, String value) throws SdpParseException {
    mLine = number;
    String[] f = SdpFields.splitAtLeast(value, 4, -1, "m=");
    if (f[1].indexOf('/') >= 0) {
      throw new SdpParseException(Code.BAD_LINE, number, "m= port counts (<port>/<n>) are not supported");
    }
    int port = (int) SdpSyntax.number(f[1], 0, 65535, "m= port");
    formats = List.of(f).subList(3, f.length);
    media = MediaDescription.builder(f[0], port, f[2], formats);
    rtp = MediaDescription.isRtp(f[2]);
    if (rtp) {
      for (String format : formats) {
        SdpSyntax.number(format, 0, 127, "RTP payload type on the m= line");
      }
    }
  }

  void line(char type, String value, int number) throws SdpParseException {
    switch (type) {
      case 'i' -> media.info(SdpSyntax.text(value, "i=", false));
      case 'c' -> media.connection(Connection.parse(value));
      case 'b' -> media.bandwidth(Bandwidth.parse(value));
      case 'a' -> attribute(value, number);
      default -> SdpSyntax.text(value, "'" + type + "=' value", false); // k=: dropped
    }
  }

  private void attribute(String text, int number) throws SdpParseException {
    Attribute a = Attribute.parse(text);
    String name = a.name();
    String value = a.value();
    Direction direction = Direction.fromAttribute(name);
    if (direction != null || name.equals("rtcp-mux")) {
      if (value != null) {
        throw new SdpParseException(Code.BAD_LINE, number, "a=" + name + " takes no value");
      }
      if (direction == null) {
        media.rtcpMux(true);
      } else if (media.hasDirection()) {
        throw new SdpParseException(Code.BAD_STRUCTURE, number, "a second direction attribute");
      } else {
        media.direction(direction);
      }
      return;
    }
    if (value == null && isTyped(name)) {
      throw new SdpParseException(Code.BAD_LINE, number, "a=" + name + " needs a value");
    }
    switch (name) {
      case "rtpmap", "fmtp", "rtcp-fb" -> {
        if (rtp && !(name.equals("rtcp-fb") && value.startsWith("* "))) {
          payloadAttribute(name, value, number);
        } else {
          media.attribute(a);
        }
      }
      case "ssrc" -> media.ssrc(SsrcAttribute.parse(value));
      case "ssrc-group" -> media.ssrcGroup(SsrcGroup.parse(value));
      case "crypto" -> media.crypto(Crypto.parse(value));
      case "candidate" -> media.candidate(Candidate.parse(value));
      case "extmap" -> media.extmap(Extmap.parse(value));
      default -> media.attribute(a);
    }
  }

  private static boolean isTyped(String name) {
    return switch (name) {
      case "rtpmap", "fmtp", "rtcp-fb", "ssrc", "ssrc-group", "crypto", "candidate", "extmap" -> true;
      default -> false;
    };
  }

  /** a=rtpmap:<pt> ..., a=fmtp:<pt> ..., a=rtcp-fb:<pt> ... for a payload type on the m= line. */
  private void payloadAttribute(String name, String value, int number) throws SdpParseException {
    String[] f = SdpFields.splitAtLeast(value, 2, 2, "a=" + name);
    int pt = (int) SdpSyntax.number(f[0], 0, 127, "a=" + name + " payload type");
    boolean listed = false;
    for (String format : formats) {
      listed |= Integer.parseInt(format) == pt;
    }
    if (!listed) {
      throw new SdpParseException(Code.BAD_STRUCTURE, number,
          "a=" + name + " for payload type " + pt + ", which the m= line does not list");
    }
    PayloadFormat old = media.payloadFormat(pt);
    PayloadFormat current = old != null ? old : new PayloadFormat(pt, null, 0, 0, null, List.of());
    PayloadFormat updated;
    switch (name) {
      case "rtpmap" -> {
        if (current.encodingName() != null) {
          throw new SdpParseException(Code.BAD_STRUCTURE, number, "a second a=rtpmap for payload type " + pt);
        }
        PayloadFormat map = PayloadFormat.parseRtpmap(pt, f[1]);
        updated = new PayloadFormat(pt, map.encodingName(), map.clockRate(), map.channels(),
            current.fmtp(), current.rtcpFeedback());
      }
      case "fmtp" -> {
        if (current.fmtp() != null) {
          throw new SdpParseException(Code.BAD_STRUCTURE, number, "a second a=fmtp for payload type " + pt);
        }
        updated = current.withFmtp(f[1]);
      }
      default -> updated = current.plusRtcpFeedback(f[1]);
    }
    if (old == null) {
      media.payloadFormat(updated);
    } else {
      media.replacePayloadFormat(old, updated);
    }
  }

  MediaDescription finish() throws SdpParseException {
    try {
      return media.build();
    } catch (IllegalArgumentException e) {
      throw new SdpParseException(Code.BAD_STRUCTURE, mLine, "media section: " + e.getMessage());
    }
  }
}
