package org.parley.sdk.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.parley.sdk.sdp.SdpTestData.sdp;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing SDP: CRLF line ends and the line order of RFC 8866 section 5, from built values. */
class SdpWriterTest {
  @Test
  void writesEveryKindOfLineInRfcOrder() throws Exception {
    MediaDescription audio = MediaDescription.builder("audio", 5004, "RTP/SAVPF", List.of("111", "0"))
        .info("voice")
        .connection(Connection.of("::1"))
        .bandwidth(new Bandwidth("AS", 64))
        .direction(Direction.SENDONLY)
        .rtcpMux(true)
        .ssrc(SsrcAttribute.cname(7, "c"))
        .ssrcGroup(new SsrcGroup("FID", List.of(7L, 8L)))
        .attribute(new Attribute("mid", "a"))
        // Given out of m= line order: written in m= line order.
        .payloadFormat(PayloadFormat.rtpmap(0, "PCMU", 8000, 0))
        .payloadFormat(PayloadFormat.rtpmap(111, "opus", 48000, 2).withFmtp("useinbandfec=1")
            .withRtcpFeedback(List.of("transport-cc")))
        .candidate(Candidate.host("1", 1, "::1", 5004))
        .crypto(Crypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:abcd"))
        .extmap(new Extmap(3, null, Extmap.ABS_SEND_TIME_URI, null))
        .build();
    SessionDescription s = SessionDescription.builder(Origin.of("9", "2", "::1"))
        .name("talk")
        .info("about")
        .connection(Connection.of("127.0.0.1"))
        .bandwidth(new Bandwidth("CT", 1000))
        .direction(Direction.RECVONLY)
        .attribute(new Attribute("group", "BUNDLE a"))
        .attribute(Attribute.flag("ice-lite"))
        .media(audio)
        .build();
    String expected = sdp(
        "v=0",
        "o=- 9 2 IN IP6 ::1",
        "s=talk",
        "i=about",
        "c=IN IP4 127.0.0.1",
        "b=CT:1000",
        "t=0 0",
        "a=recvonly",
        "a=group:BUNDLE a",
        "a=ice-lite",
        "m=audio 5004 RTP/SAVPF 111 0",
        "i=voice",
        "c=IN IP6 ::1",
        "b=AS:64",
        "a=sendonly",
        "a=rtcp-mux",
        "a=extmap:3 " + Extmap.ABS_SEND_TIME_URI,
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abcd",
        "a=candidate:1 1 UDP 2130706431 ::1 5004 typ host",
        "a=rtpmap:111 opus/48000/2",
        "a=fmtp:111 useinbandfec=1",
        "a=rtcp-fb:111 transport-cc",
        "a=rtpmap:0 PCMU/8000",
        "a=mid:a",
        "a=ssrc-group:FID 7 8",
        "a=ssrc:7 cname:c");
    String written = SdpWriter.write(s);
    assertEquals(expected, written);
    assertFalse(written.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
    assertEquals(s, SdpParser.parse(written));
  }

  @Test
  void theModelRefusesWhatCouldNotBeWritten() {
    assertThrows(IllegalArgumentException.class, () -> new Attribute("bad name", null));
    assertThrows(IllegalArgumentException.class, () -> new Attribute("x", "line\r\nbreak"));
    assertThrows(IllegalArgumentException.class,
        () -> MediaDescription.builder("audio", 1, "RTP/AVP", List.of("0"))
            .payloadFormat(PayloadFormat.rtpmap(8, "PCMA", 8000, 0)).build());
    assertThrows(IllegalArgumentException.class,
        () -> MediaDescription.builder("audio", 70000, "RTP/AVP", List.of("0")).build());
    assertThrows(IllegalArgumentException.class,
        () -> SessionDescription.builder(Origin.of("1", "1", "127.0.0.1"))
            .media(MediaDescription.builder("audio", 1, "RTP/AVP", List.of("0")).build()).build());
  }
}
