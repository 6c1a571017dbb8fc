package org.parley.sdk.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.sdk.sdp.SdpTestData.load;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Offers and answers between two Parley sides, and answers to offers from other software. */
class OfferAnswerTest {
  // RFC 4568 section 9.1's example key, and two made-up ones (any base64 text parses).
  private static final String CALLER_KEY = "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
  private static final String CALLER_GCM = "2 AEAD_AES_128_GCM inline:Q2FsbGVyR2NtS2V5Q2FsbGVyR2NtS2V5QUI=";
  private static final String CALLEE_KEY = "1 AES_CM_128_HMAC_SHA1_80 inline:Q2FsbGVlS2V5Q2FsbGVlS2V5Q2FsbGVlS2V5";
  private static final String CALLEE_GCM = "1 AEAD_AES_128_GCM inline:Q2FsbGVlR2NtS2V5Q2FsbGVlR2NtS2V5QUI=";

  private static LocalMedia.Builder caller() {
    return LocalMedia.builder("127.0.0.1", 40000).cname("alice").ssrcs(11, 12, 13).crypto(CALLER_KEY);
  }

  private static LocalMedia.Builder callee() {
    return LocalMedia.builder("127.0.0.2", 50000).cname("bob").ssrcs(21, 22, 23).crypto(CALLEE_KEY)
        .session("7", 1);
  }

  private static SessionDescription reparse(SessionDescription s) throws SdpParseException {
    SessionDescription again = SdpParser.parse(SdpWriter.write(s));
    assertEquals(s, again);
    return again;
  }

  @Test
  void aVideoOfferHasAudioAndVideoWithParleysFormats() throws Exception {
    SessionDescription offer = reparse(OfferAnswer.createOffer(caller().build()));
    assertEquals(Connection.of("127.0.0.1"), offer.connection());
    assertEquals(2, offer.media().size());
    MediaDescription audio = offer.media().get(0);
    assertEquals(List.of("111"), audio.formats());
    assertEquals(MediaDescription.SRTP_PROTO, audio.proto());
    assertEquals(40000, audio.port());
    assertEquals("minptime=10;useinbandfec=1", audio.find("opus", 48000, 2).fmtp());
    assertEquals(List.of(Crypto.parse(CALLER_KEY)), audio.cryptos());
    assertEquals(Candidate.host("1", 1, "127.0.0.1", 40000), audio.candidates().get(0));
    assertEquals(2130706431L, audio.candidates().get(0).priority());
    assertEquals(List.of(SsrcAttribute.cname(11, "alice")), audio.ssrcs());
    MediaDescription video = offer.media().get(1);
    assertEquals(List.of("96", "97"), video.formats());
    assertEquals(Direction.SENDRECV, video.direction());
    assertTrue(video.rtcpMux());
    assertEquals(List.of("nack", "nack pli", "goog-remb"), video.find("VP8", 90000, 0).rtcpFeedback());
    assertEquals("96", video.find("rtx", 90000, 0).fmtpParameter("apt"));
    assertEquals(List.of(new SsrcGroup("FID", List.of(12L, 13L))), video.ssrcGroups());
    assertEquals(Extmap.PARLEY_ABS_SEND_TIME_ID, video.extmaps().get(0).id());
  }

  @Test
  void anAudioOnlyOfferHasNoVideoLine() {
    SessionDescription offer = OfferAnswer.createOffer(caller().video(false, false).build());
    assertEquals(List.of("audio"), offer.media().stream().map(MediaDescription::media).toList());
  }

  @Test
  void aPlainRtpOfferUsesAvpfWithoutKeys() {
    LocalMedia plain = LocalMedia.builder("127.0.0.1", 40000).allowPlainRtp(true).build();
    SessionDescription offer = OfferAnswer.createOffer(plain);
    for (MediaDescription m : offer.media()) {
      assertEquals(MediaDescription.RTP_PROTO, m.proto());
      assertEquals(List.of(), m.cryptos());
      assertEquals(List.of(), m.ssrcs(), "unknown SSRCs are not written");
    }
  }

  @Test
  void localMediaNeedsAKeyOrPlainRtp() {
    assertThrows(IllegalArgumentException.class, () -> LocalMedia.builder("127.0.0.1", 40000).build());
    assertThrows(IllegalArgumentException.class,
        () -> LocalMedia.builder("127.0.0.1", 40000).crypto("1 X inline:a").payloadTypes(96, 96, 97).build());
    assertThrows(IllegalArgumentException.class,
        () -> LocalMedia.builder("127.0.0.1", 40000).crypto("not a key").build());
  }

  @Test
  void twoParleySidesAgreeOnEverything() throws Exception {
    SessionDescription offer = reparse(OfferAnswer.createOffer(caller().build()));
    SessionDescription answer = reparse(OfferAnswer.createAnswer(offer, callee().build()));
    assertEquals(2, answer.media().size());
    assertEquals(Direction.SENDRECV, answer.media().get(1).direction());

    NegotiatedMedia atCaller = OfferAnswer.negotiate(offer, answer);
    assertEquals(new NegotiatedMedia("127.0.0.2", 50000, true, 111, true, true, 96, 97, 21, 22, 23,
        false, CALLER_KEY, CALLEE_KEY, true, true), atCaller);
    NegotiatedMedia atCallee = OfferAnswer.negotiate(answer, offer);
    assertEquals(new NegotiatedMedia("127.0.0.1", 40000, true, 111, true, true, 96, 97, 11, 12, 13,
        false, CALLEE_KEY, CALLER_KEY, true, true), atCallee);
    assertTrue(atCallee.video());
  }

  @Test
  void aVoiceOnlyAnswerKeepsVideoAsRecvonly() throws Exception {
    SessionDescription offer = OfferAnswer.createOffer(caller().build());
    SessionDescription answer = reparse(OfferAnswer.createAnswer(offer, callee().video(false, true).build()));
    MediaDescription video = answer.media().get(1);
    assertEquals(50000, video.port());
    assertEquals(Direction.RECVONLY, video.direction());
    assertEquals(List.of(), video.ssrcs(), "we send no video, so we name no video source");

    NegotiatedMedia atCaller = OfferAnswer.negotiate(offer, answer);
    assertTrue(atCaller.sendVideo(), "the caller may still send video");
    assertFalse(atCaller.receiveVideo());
    NegotiatedMedia atCallee = OfferAnswer.negotiate(answer, offer);
    assertFalse(atCallee.sendVideo());
    assertTrue(atCallee.receiveVideo());
    assertTrue(atCallee.video());
  }

  @Test
  void aCalleeWithoutVideoRejectsTheVideoLine() throws Exception {
    SessionDescription offer = OfferAnswer.createOffer(caller().build());
    SessionDescription answer = OfferAnswer.createAnswer(offer, callee().video(false, false).build());
    assertEquals(0, answer.media().get(1).port());
    assertEquals(List.of("96", "97"), answer.media().get(1).formats());
    NegotiatedMedia n = OfferAnswer.negotiate(offer, answer);
    assertFalse(n.video());
    assertEquals(0, n.remoteVideoSsrc());
  }

  @Test
  void theSuiteIsChosenFromTheOfferWithItsTag() throws Exception {
    SessionDescription offer = OfferAnswer.createOffer(caller().crypto(CALLER_GCM).build());
    assertEquals(2, offer.media().get(0).cryptos().size());
    // The callee has a key only for the suite the caller listed second (tag 2).
    SessionDescription answer = OfferAnswer.createAnswer(offer,
        LocalMedia.builder("127.0.0.2", 50000).crypto(CALLEE_GCM).build());
    Crypto chosen = answer.media().get(0).cryptos().get(0);
    assertEquals(2, chosen.tag());
    assertEquals("AEAD_AES_128_GCM", chosen.suite());
    NegotiatedMedia atCaller = OfferAnswer.negotiate(offer, answer);
    assertEquals(CALLER_GCM, atCaller.localCrypto());
    assertEquals(Crypto.parse(CALLEE_GCM).withTag(2).value(), atCaller.remoteCrypto());
  }

  @Test
  void aWebRtcOfferGetsOneAnswerLinePerOfferLine() throws Exception {
    SessionDescription offer = SdpParser.parse(load("webrtc-sdes-offer.sdp"));
    SessionDescription answer = reparse(OfferAnswer.createAnswer(offer, callee().crypto(CALLEE_GCM).build()));
    assertEquals(List.of("audio", "video", "application"),
        answer.media().stream().map(MediaDescription::media).toList());
    MediaDescription audio = answer.media().get(0);
    assertEquals(List.of("111"), audio.formats(), "the offer's Opus type, nothing else");
    assertEquals(1, audio.cryptos().get(0).tag(), "the offer's first suite we have a key for");
    assertEquals(Extmap.PARLEY_ABS_SEND_TIME_ID, audio.extmaps().get(0).id(), "offered with Parley's id");
    MediaDescription video = answer.media().get(1);
    assertEquals(List.of("100", "101"), video.formats());
    assertEquals(List.of("nack", "nack pli", "goog-remb"), video.find("VP8", 90000, 0).rtcpFeedback());
    assertEquals(Direction.INACTIVE, video.direction(),
        "the offer only receives video, at an address other than the audio's");
    assertEquals(0, answer.media().get(2).port());
    assertEquals(List.of("webrtc-datachannel"), answer.media().get(2).formats());

    NegotiatedMedia atCallee = OfferAnswer.negotiate(answer, offer);
    assertEquals("10.0.1.1", atCallee.remoteAddress(), "c= is 0.0.0.0: the host candidate counts");
    assertEquals(54400, atCallee.remotePort());
    assertEquals(1001, atCallee.remoteAudioSsrc());
  }

  @Test
  void aGStreamerStyleOfferIsAnsweredRecvonlyInPlainRtp() throws Exception {
    SessionDescription offer = SdpParser.parse(load("gstreamer-plain-lf.sdp"));
    LocalMedia local = LocalMedia.builder("127.0.0.1", 50000).allowPlainRtp(true).build();
    SessionDescription answer = reparse(OfferAnswer.createAnswer(offer, local));
    assertEquals(Direction.RECVONLY, answer.media().get(0).direction());
    assertEquals("RTP/AVP", answer.media().get(0).proto());
    NegotiatedMedia n = OfferAnswer.negotiate(answer, offer);
    assertEquals(new NegotiatedMedia("127.0.0.1", 5004, true, 111, false, true, 96, 0, 0, 0, 0,
        true, "", "", false, false), n);
  }

  @Test
  void plainRtpIsRefusedUnlessAllowed() throws Exception {
    SessionDescription offer = SdpParser.parse(load("gstreamer-plain-lf.sdp"));
    SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
        () -> OfferAnswer.createAnswer(offer, callee().build()));
    assertEquals(SdpNegotiationException.Code.PLAIN_RTP_REFUSED, e.code());
  }

  @Test
  void anOfferWeCannotTakeIsRefusedWithTheReason() throws Exception {
    record Case(String name, String audioLine, String attribute, SdpNegotiationException.Code code) {}
    List<Case> cases = List.of(
        new Case("no opus", "m=audio 5004 RTP/SAVPF 0", "a=crypto:" + CALLER_KEY,
            SdpNegotiationException.Code.NO_COMMON_CODEC),
        new Case("no crypto", "m=audio 5004 RTP/SAVPF 111", "a=rtpmap:111 opus/48000/2",
            SdpNegotiationException.Code.NO_CRYPTO),
        new Case("unknown suite", "m=audio 5004 RTP/SAVPF 111", "a=crypto:1 F8_128_HMAC_SHA1_80 inline:abcd",
            SdpNegotiationException.Code.NO_CRYPTO),
        new Case("DTLS", "m=audio 5004 UDP/TLS/RTP/SAVPF 111", "a=rtpmap:111 opus/48000/2",
            SdpNegotiationException.Code.UNSUPPORTED_TRANSPORT),
        new Case("no media", "m=text 5004 RTP/AVP 98", "a=rtpmap:98 t140/1000",
            SdpNegotiationException.Code.NO_COMMON_MEDIA));
    for (Case c : cases) {
      String body = SdpTestData.sdp("v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
          c.audioLine(), c.attribute(), c.audioLine().contains(" 111") ? "a=rtpmap:111 opus/48000/2" : "a=mid:0");
      SessionDescription offer = SdpParser.parse(body.replace("a=rtpmap:111 opus/48000/2\r\na=rtpmap", "a=rtpmap"));
      SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
          () -> OfferAnswer.createAnswer(offer, callee().build()), c.name());
      assertEquals(c.code(), e.code(), c.name() + ": " + e.getMessage());
    }
  }

  @Test
  void negotiationFailsClearly() throws Exception {
    SessionDescription offer = OfferAnswer.createOffer(caller().build());
    SessionDescription audioOnly = OfferAnswer.createOffer(callee().video(false, false).build());
    assertEquals(SdpNegotiationException.Code.MISMATCHED_MEDIA,
        assertThrows(SdpNegotiationException.class, () -> OfferAnswer.negotiate(offer, audioOnly)).code());

    SessionDescription answer = OfferAnswer.createAnswer(offer, callee().build());
    MediaDescription noWhere = answer.media().get(0).toBuilder()
        .connection(Connection.of("0.0.0.0")).build();
    MediaDescription noCandidate = new MediaDescription(noWhere.media(), noWhere.port(), noWhere.proto(),
        noWhere.formats(), null, noWhere.connection(), List.of(), noWhere.direction(), true, List.of(),
        noWhere.cryptos(), List.of(), noWhere.payloadFormats(), List.of(), List.of(), List.of());
    SessionDescription unreachable = new SessionDescription(answer.origin(), "-", null, answer.connection(),
        List.of(), answer.timings(), null, List.of(), List.of(noCandidate, answer.media().get(1)));
    SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
        () -> OfferAnswer.negotiate(offer, unreachable));
    assertEquals(SdpNegotiationException.Code.NO_ADDRESS, e.code());

    SessionDescription plainAnswer = OfferAnswer.createOffer(
        LocalMedia.builder("127.0.0.2", 50000).allowPlainRtp(true).build());
    assertEquals(SdpNegotiationException.Code.NO_CRYPTO,
        assertThrows(SdpNegotiationException.class, () -> OfferAnswer.negotiate(offer, plainAnswer)).code());
  }

  @Test
  void aHeldStreamIsAnsweredInTheMirrorDirection() throws Exception {
    SessionDescription offer = OfferAnswer.createOffer(caller().video(true, false).build());
    assertEquals(Direction.SENDONLY, offer.media().get(1).direction());
    SessionDescription answer = OfferAnswer.createAnswer(offer, callee().build());
    assertEquals(Direction.RECVONLY, answer.media().get(1).direction());
    assertEquals(List.of(), answer.media().get(1).ssrcs());
  }
}
