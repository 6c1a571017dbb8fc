package org.parley.media.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.media.events.MediaEvent;
import org.parley.media.events.RecordedEvents;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;

/**
 * What SDP negotiation needs from the media (API 4): SSRCs known before the offer is written,
 * the answer's crypto and SSRCs applied after the socket was bound, and a camera switched while
 * the call goes on. Real sockets on the loopback interface.
 */
class CallMediaNegotiationTest {
  private static CallMediaSettings side(String localCrypto, String remoteCrypto) {
    return new CallMediaSettings()
        .bindAddress("127.0.0.1")
        .crypto(localCrypto, remoteCrypto)
        .microphone("tone:440")
        .speaker("null")
        .camera(VideoSource.testPattern(320, 240, 15))
        .bitrateKbps(100, 400, 1000);
  }

  @Test
  void ssrcsAreChosenAtConstructionAndStayPut() {
    String key = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    try (CallMedia call = new CallMedia(side(key, key), new RecordedEvents());
        CallMedia audioOnly = new CallMedia(side(key, key).video(false), new RecordedEvents())) {
      long audio = call.localAudioSsrc();
      long video = call.localVideoSsrc();
      long rtx = call.localVideoRtxSsrc();
      assertTrue(audio != 0 && video != 0 && rtx != 0, audio + " " + video + " " + rtx);
      assertNotEquals(audio, video);
      assertNotEquals(video, rtx);
      assertNotEquals(audio, rtx);
      assertEquals(audio, call.localAudioSsrc());
      assertEquals(video, call.localVideoSsrc());
      assertTrue(audioOnly.localAudioSsrc() != 0);
      assertEquals(0, audioOnly.localVideoSsrc());
      assertEquals(0, audioOnly.localVideoRtxSsrc());
    }
  }

  @Test
  void theAnswerIsAppliedAfterTheSocketWasBoundAndTheCameraSwitchesMidCall() throws Exception {
    String keyA = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    String keyB = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    RecordedEvents eventsB = new RecordedEvents();
    // A offers first: its socket and SSRCs exist before it knows anything of B.
    try (CallMedia a = new CallMedia(side(keyA, ""), new RecordedEvents());
        CallMedia b = new CallMedia(side(keyB, keyA), eventsB)) {
      b.setRemoteSsrcs(a.localAudioSsrc(), a.localVideoSsrc());
      b.setRemote("127.0.0.1", a.localPort());
      // B's answer reaches A.
      a.setRemoteCrypto(keyB);
      a.setRemoteSsrcs(b.localAudioSsrc(), b.localVideoSsrc());
      a.setRemote("127.0.0.1", b.localPort());
      b.startVideo(CallMedia.View.OTHER, 0, RenderMode.FULL_CONTENT);
      b.setPixelBufferSize(CallMedia.View.OTHER, 320, 240);
      a.start();
      b.start();
      assertThrows(IllegalStateException.class, () -> a.setRemoteCrypto(keyB));

      MediaEvent first = eventsB.next(MediaEvent.Type.FIRST_FRAME_RENDERED);
      assertEquals(320, first.width());
      assertEquals(240, first.height());

      a.switchCamera(VideoSource.testPattern(160, 120, 15));
      MediaEvent resized = eventsB.next(MediaEvent.Type.VIDEO_SIZE_CHANGED);
      assertEquals(160, resized.width(), resized.toString());
      assertEquals(120, resized.height(), resized.toString());
      long rendered = b.statistics().get(CallStatistic.FRAMES_RENDERED);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (b.statistics().get(CallStatistic.FRAMES_RENDERED) < rendered + 15
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(
          b.statistics().get(CallStatistic.FRAMES_RENDERED) >= rendered + 15,
          "frames keep coming after the switch: " + b.statistics());
      assertEquals(0, b.statistics().get(CallStatistic.SRTP_AUTH_FAILURES));
    }
  }

  @Test
  void aMalformedAnswerCryptoIsRefused() {
    String key = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    try (CallMedia call = new CallMedia(side(key, ""), new RecordedEvents())) {
      assertThrows(IllegalArgumentException.class, () -> call.setRemoteCrypto("1 NOPE inline:x"));
    }
  }
}
