package org.parley.sdk.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.sdk.sdp.SdpParseException.Code.BAD_LINE;
import static org.parley.sdk.sdp.SdpParseException.Code.BAD_STRUCTURE;
import static org.parley.sdk.sdp.SdpTestData.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of malformed bodies, each made from a valid one by changing one line, with the error
 * the parser must give: its code, line number and the words that say what is wrong.
 */
class SdpMalformedTest {
  // A valid body; line numbers below refer to it.
  private static final String[] VALID = {
    "v=0", // 1
    "o=- 42 1 IN IP4 127.0.0.1", // 2
    "s=-", // 3
    "c=IN IP4 127.0.0.1", // 4
    "t=0 0", // 5
    "m=audio 5004 RTP/SAVPF 111", // 6
    "a=sendrecv", // 7
    "a=rtcp-mux", // 8
    "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz", // 9
    "a=candidate:1 1 UDP 2130706431 127.0.0.1 5004 typ host", // 10
    "a=rtpmap:111 opus/48000/2", // 11
    "a=fmtp:111 minptime=10;useinbandfec=1", // 12
    "a=ssrc:1234 cname:parley", // 13
    "m=video 5004 RTP/SAVPF 96 97", // 14
    "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time", // 15
    "a=rtpmap:96 VP8/90000", // 16
    "a=rtcp-fb:96 nack pli", // 17
    "a=rtpmap:97 rtx/90000", // 18
    "a=fmtp:97 apt=96", // 19
    "a=ssrc-group:FID 1 2", // 20
  };

  private static String with(int line, String replacement) {
    List<String> lines = new ArrayList<>(Arrays.asList(VALID));
    if (replacement == null) {
      lines.remove(line - 1);
    } else {
      lines.set(line - 1, replacement);
    }
    return sdp(lines.toArray(new String[0]));
  }

  private static String inserted(int line, String added) {
    List<String> lines = new ArrayList<>(Arrays.asList(VALID));
    lines.add(line - 1, added);
    return sdp(lines.toArray(new String[0]));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty body", "", BAD_STRUCTURE, 0, "empty"),
        Arguments.of("version 1", with(1, "v=1"), BAD_LINE, 1, "only v=0"),
        Arguments.of("o= first", with(1, "o=- 42 1 IN IP4 127.0.0.1"), BAD_STRUCTURE, 1, "must be the 'v='"),
        Arguments.of("no s= line", with(3, null), BAD_STRUCTURE, 3, "must be the 's='"),
        Arguments.of("no t= line", with(5, null), BAD_STRUCTURE, 5, "before the session-level"),
        Arguments.of("only v o s", sdp("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-"), BAD_STRUCTURE, 0, "missing t="),
        Arguments.of("o= with five fields", with(2, "o=- 42 1 IN 127.0.0.1"), BAD_LINE, 2, "6 fields"),
        Arguments.of("o= session id not digits", with(2, "o=- x42 1 IN IP4 127.0.0.1"), BAD_LINE, 2, "not a number"),
        Arguments.of("two spaces", with(4, "c=IN  IP4 127.0.0.1"), BAD_LINE, 4, "single spaces"),
        Arguments.of("empty s=", with(3, "s="), BAD_LINE, 3, "empty"),
        Arguments.of("no equals sign", with(7, "asendrecv"), BAD_LINE, 7, "<type>=<value>"),
        Arguments.of("upper-case type", with(7, "A=sendrecv"), BAD_LINE, 7, "lower-case"),
        Arguments.of("empty line", with(7, ""), BAD_LINE, 7, "empty line"),
        Arguments.of("unknown type", inserted(5, "x=1"), BAD_LINE, 5, "unknown line type 'x='"),
        Arguments.of("control character", with(3, "s=a\u0001b"), BAD_LINE, 3, "control character 0x1"),
        Arguments.of("stray CR", with(3, "s=a\rb"), BAD_LINE, 3, "control character 0xd"),
        Arguments.of("c= after t=", inserted(6, "c=IN IP4 127.0.0.1"), BAD_STRUCTURE, 6, "second 'c='"),
        Arguments.of("b= after t=", inserted(6, "b=AS:30"), BAD_STRUCTURE, 6, "out of order"),
        Arguments.of("t= in media", inserted(7, "t=0 0"), BAD_STRUCTURE, 7, "not allowed inside a media section"),
        Arguments.of("c= after a= in media", inserted(8, "c=IN IP4 127.0.0.1"), BAD_STRUCTURE, 8, "out of order"),
        Arguments.of("bad bandwidth", inserted(5, "b=AS"), BAD_LINE, 5, "<type>:<bandwidth>"),
        Arguments.of("port too big", with(6, "m=audio 65536 RTP/SAVPF 111"), BAD_LINE, 6, "outside 0..65535"),
        Arguments.of("port count", with(6, "m=audio 5004/2 RTP/SAVPF 111"), BAD_LINE, 6, "port counts"),
        Arguments.of("no formats", with(6, "m=audio 5004 RTP/SAVPF"), BAD_LINE, 6, "at least 4 fields"),
        Arguments.of("payload type 128", with(6, "m=audio 5004 RTP/SAVPF 128"), BAD_LINE, 6, "outside 0..127"),
        Arguments.of("payload type twice", with(6, "m=audio 5004 RTP/SAVPF 111 111"), BAD_STRUCTURE, 6, "listed twice"),
        Arguments.of("rtpmap for unlisted type", with(11, "a=rtpmap:112 opus/48000/2"), BAD_STRUCTURE, 11, "does not list"),
        Arguments.of("rtpmap without rate", with(11, "a=rtpmap:111 opus"), BAD_LINE, 11, "<clock rate>"),
        Arguments.of("rtpmap zero rate", with(11, "a=rtpmap:111 opus/0/2"), BAD_LINE, 11, "clock rate"),
        Arguments.of("second rtpmap", inserted(12, "a=rtpmap:111 opus/48000/2"), BAD_STRUCTURE, 12, "second a=rtpmap"),
        Arguments.of("second fmtp", inserted(13, "a=fmtp:111 stereo=1"), BAD_STRUCTURE, 13, "second a=fmtp"),
        Arguments.of("fmtp without parameters", with(12, "a=fmtp:111"), BAD_LINE, 12, "at least 2 fields"),
        Arguments.of("rtpmap without value", with(11, "a=rtpmap"), BAD_LINE, 11, "needs a value"),
        Arguments.of("flag with value", with(8, "a=rtcp-mux:1"), BAD_LINE, 8, "takes no value"),
        Arguments.of("two directions", inserted(8, "a=recvonly"), BAD_STRUCTURE, 8, "second direction"),
        Arguments.of("bad attribute name", with(8, "a=rtcp mux"), BAD_LINE, 8, "token"),
        Arguments.of("crypto without inline", with(9, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 key:abc"), BAD_LINE, 9, "inline:"),
        Arguments.of("crypto tag too long", with(9, "a=crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:a"), BAD_LINE, 9, "9 digits"),
        Arguments.of("crypto missing key", with(9, "a=crypto:1 AES_CM_128_HMAC_SHA1_80"), BAD_LINE, 9, "at least 3 fields"),
        Arguments.of("candidate without typ", with(10, "a=candidate:1 1 UDP 2130706431 127.0.0.1 5004 type host"), BAD_LINE, 10, "'typ'"),
        Arguments.of("candidate odd extension", with(10, "a=candidate:1 1 UDP 1 127.0.0.1 5004 typ host raddr"), BAD_LINE, 10, "pairs"),
        Arguments.of("candidate priority 0", with(10, "a=candidate:1 1 UDP 0 127.0.0.1 5004 typ host"), BAD_LINE, 10, "priority"),
        Arguments.of("ssrc too big", with(13, "a=ssrc:4294967296 cname:parley"), BAD_LINE, 13, "SSRC"),
        Arguments.of("ssrc without attribute", with(13, "a=ssrc:1234"), BAD_LINE, 13, "at least 2 fields"),
        Arguments.of("ssrc-group without SSRC", with(20, "a=ssrc-group:FID"), BAD_LINE, 20, "at least 2 fields"),
        Arguments.of("extmap id 15", with(15, "a=extmap:15 urn:x"), BAD_LINE, 15, "reserved"),
        Arguments.of("extmap bad direction", with(15, "a=extmap:3/both urn:x"), BAD_LINE, 15, "not a direction"),
        Arguments.of("media without c=", with(4, null), BAD_STRUCTURE, 0, "no c= line"),
        Arguments.of("huge number", with(5, "t=99999999999999999999 0"), BAD_LINE, 5, "more than 19 digits"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedWithAClearError(
      String name, String body, SdpParseException.Code code, int line, String words) {
    SdpParseException e = assertThrows(SdpParseException.class, () -> SdpParser.parse(body), name);
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains(words), "'" + e.getMessage() + "' should say '" + words + "'");
    assertTrue(e.getMessage().startsWith(line > 0 ? "SDP line " + line + ": " : "SDP: "), e.getMessage());
  }

  @Test
  void theValidBodyParses() throws Exception {
    assertEquals(2, SdpParser.parse(sdp(VALID)).media().size());
  }
}
