package org.parley.sdk.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.sdk.sdp.SdpTestData.load;
import static org.parley.sdk.sdp.SdpTestData.sdp;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading SDP: real bodies from testdata/, their fields, and the round trip through the writer. */
class SdpParserTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "parley-offer.sdp", "rfc8866-example.sdp", "webrtc-sdes-offer.sdp", "gstreamer-plain-lf.sdp"})
  void fixturesSurviveTheRoundTrip(String name) throws Exception {
    SessionDescription first = SdpParser.parse(load(name));
    String written = SdpWriter.write(first);
    SessionDescription second = SdpParser.parse(written);
    assertEquals(first, second);
    assertEquals(written, SdpWriter.write(second));
  }

  @Test
  void parleysOwnOfferIsWrittenBackByteForByte() throws Exception {
    String body = load("parley-offer.sdp");
    assertEquals(body, SdpWriter.write(SdpParser.parse(body)));
  }

  @Test
  void readsTheRfc8866Example() throws Exception {
    SessionDescription s = SdpParser.parse(load("rfc8866-example.sdp"));
    assertEquals(new Origin("jdoe", "3724394400", "3724394405", "IN", "IP4", "198.51.100.1"), s.origin());
    assertEquals("Call to John Smith", s.name());
    assertEquals("SDP Offer #1", s.info());
    assertEquals(Connection.of("198.51.100.1"), s.connection());
    assertEquals(List.of(Timing.UNBOUNDED), s.timings());
    assertEquals(3, s.media().size());
    MediaDescription video = s.media().get(2);
    assertEquals("video", video.media());
    assertEquals(51372, video.port());
    assertEquals("RTP/AVP", video.proto());
    assertEquals(new Connection("IN", "IP6", "2001:db8::2"), video.connection());
    assertEquals(List.of(PayloadFormat.rtpmap(99, "h263-1998", 90000, 0)), video.payloadFormats());
    assertEquals(Direction.SENDRECV, s.directionOf(video));
    assertEquals(List.of(), s.media().get(0).payloadFormats(), "static type 0 needs no rtpmap");
  }

  @Test
  void readsTheTypedAttributesOfAWebRtcOffer() throws Exception {
    SessionDescription s = SdpParser.parse(load("webrtc-sdes-offer.sdp"));
    assertEquals(List.of(new Attribute("group", "BUNDLE 0 1"), new Attribute("msid-semantic", " WMS stream")),
        s.attributes());
    MediaDescription audio = s.media().get(0);
    assertTrue(audio.rtcpMux());
    assertEquals(Direction.SENDRECV, audio.direction());
    assertEquals(List.of(new Bandwidth("AS", 64)), audio.bandwidths());
    assertEquals(new Extmap(3, "sendonly", Extmap.ABS_SEND_TIME_URI, null), audio.extmaps().get(1));
    assertEquals(2, audio.cryptos().size());
    Crypto second = audio.cryptos().get(1);
    assertEquals(2, second.tag());
    assertEquals("AES_CM_128_HMAC_SHA1_80", second.suite());
    assertEquals("inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:32 KDR=1", second.keyParams());
    Candidate srflx = audio.candidates().get(0);
    assertEquals("srflx", srflx.type());
    assertEquals(List.of("raddr", "10.0.1.1", "rport", "54400", "generation", "0"), srflx.extensions());
    assertFalse(srflx.isHostUdp());
    assertTrue(audio.candidates().get(1).isHostUdp());
    PayloadFormat opus = audio.payloadFormats().get(0);
    assertEquals(new PayloadFormat(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of("transport-cc")), opus);
    assertEquals("1", opus.fmtpParameter("useinbandfec"));
    assertEquals("0", audio.attribute("mid"));
    assertEquals(List.of(SsrcAttribute.cname(1001, "4TOk42mSjXCkVIa6"), new SsrcAttribute(1001, "msid", "stream audio0")),
        audio.ssrcs());

    MediaDescription video = s.media().get(1);
    assertEquals(Direction.RECVONLY, video.direction());
    assertEquals(List.of("ccm fir", "nack", "nack pli", "goog-remb"), video.payloadFormats().get(0).rtcpFeedback());
    assertEquals("100", video.payloadFormats().get(1).fmtpParameter("apt"));
    assertNull(video.payloadFormats().get(2).encodingName(), "fmtp without rtpmap");
    assertEquals("* transport-cc", video.attribute("rtcp-fb"), "wildcard feedback is kept as text");

    MediaDescription data = s.media().get(2);
    assertEquals(0, data.port());
    assertEquals(List.of("webrtc-datachannel"), data.formats());
    assertFalse(data.isRtp());
  }

  @Test
  void lfAndCrlfLineEndsReadTheSame() throws Exception {
    String lf = load("gstreamer-plain-lf.sdp");
    assertFalse(lf.contains("\r"));
    assertEquals(SdpParser.parse(lf), SdpParser.parse(lf.replace("\n", "\r\n")));
    assertEquals(SdpParser.parse(lf), SdpParser.parse(lf.substring(0, lf.length() - 1)),
        "a last line without a line end counts");
  }

  @Test
  void encodingNamesMatchCaseInsensitively() throws Exception {
    MediaDescription audio = SdpParser.parse(load("gstreamer-plain-lf.sdp")).media().get(0);
    assertEquals(111, audio.find("opus", 48000, 2).payloadType());
  }

  @Test
  void theLimitsAreEnforced() {
    StringBuilder many = new StringBuilder(sdp("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0"));
    for (int i = 0; i <= SdpParser.MAX_MEDIA; i++) {
      many.append("m=audio 0 RTP/AVP 0\r\n");
    }
    SdpParseException tooMany = assertThrows(SdpParseException.class, () -> SdpParser.parse(many.toString()));
    assertEquals(SdpParseException.Code.TOO_LARGE, tooMany.code());
    assertEquals(5 + SdpParser.MAX_MEDIA + 1, tooMany.line());

    String big = sdp("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=" + "x".repeat(SdpParser.MAX_BYTES), "t=0 0");
    assertEquals(SdpParseException.Code.TOO_LARGE,
        assertThrows(SdpParseException.class, () -> SdpParser.parse(big)).code());

    String longLine = sdp("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=" + "x".repeat(SdpParser.MAX_LINE_LENGTH), "t=0 0");
    SdpParseException tooLong = assertThrows(SdpParseException.class, () -> SdpParser.parse(longLine));
    assertEquals(SdpParseException.Code.TOO_LARGE, tooLong.code());
    assertEquals(3, tooLong.line());
    assertTrue(tooLong.getMessage().startsWith("SDP line 3: "), tooLong.getMessage());
  }
}
