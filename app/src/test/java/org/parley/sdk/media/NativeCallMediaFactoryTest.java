package org.parley.sdk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.media.video.VideoSource;
import org.parley.sdk.call.CallMediaSession;
import org.parley.sdk.call.MediaRequest;

/** SDP from real native media: keys, SSRCs, ports, and a voice-only answer to a video offer. */
class NativeCallMediaFactoryTest {
  private final MediaOptions options =
      new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440").speaker("null");
  private final NativeCallMediaFactory factory =
      new NativeCallMediaFactory(options, () -> VideoSource.testPattern(320, 240, 15), "test");

  @Test
  void advertisesTheConcreteBindAddress() {
    assertEquals("127.0.0.1", factory.advertisedAddress());
    options.advertisedAddress("192.0.2.7");
    assertEquals("192.0.2.7", factory.advertisedAddress());
  }

  @Test
  void offerCarriesKeysSourcesAndVideo() {
    try (CallMediaSession s = factory.create(new MediaRequest("call-0001", true, true), e -> {})) {
      String offer = s.createOffer();
      assertTrue(offer.contains("c=IN IP4 127.0.0.1"), offer);
      assertTrue(offer.contains("m=audio "), offer);
      assertTrue(offer.contains("m=video "), offer);
      assertTrue(offer.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"), offer);
      assertTrue(offer.contains("a=ssrc:"), offer);
      assertTrue(offer.contains("a=rtcp-mux"), offer);
    }
  }

  @Test
  void voiceOnlyAnswerKeepsTheCallersVideoComing() {
    try (CallMediaSession caller = factory.create(new MediaRequest("call-0002", true, true), e -> {});
        CallMediaSession callee = factory.create(new MediaRequest("call-0002", true, false), e -> {})) {
      String answer = callee.createAnswer(caller.createOffer());
      assertTrue(answer.contains("a=recvonly"), answer);
      caller.acceptAnswer(answer);
      assertFalse(answer.contains("m=video 0 "), "video is not refused: " + answer);
    }
  }

  @Test
  void voiceCallOffersNoVideo() {
    try (CallMediaSession s = factory.create(new MediaRequest("call-0003", false, false), e -> {})) {
      assertFalse(s.createOffer().contains("m=video"));
    }
  }

  @Test
  void garbageSdpIsRefusedWithAReason() {
    try (CallMediaSession s = factory.create(new MediaRequest("call-0004", true, true), e -> {})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.createAnswer("hello"));
      assertTrue(e.getMessage().startsWith("the offer cannot be answered"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> s.acceptAnswer("v=0"));
    }
  }
}
