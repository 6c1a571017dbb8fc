package org.parley.media.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.parley.media.events.MediaEvent;
import org.parley.media.events.RecordedEvents;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;

/**
 * Two calls' media in one process over real UDP sockets on the loopback interface: SRTP both
 * ways, a test-pattern camera, a tone microphone and a null speaker on each side.
 */
class CallMediaLoopbackTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;

  private static CallMediaSettings side(String address, String local, String remote) {
    return new CallMediaSettings()
        .bindAddress(address)
        .crypto(local, remote)
        .microphone("tone:440")
        .speaker("null")
        .camera(VideoSource.testPattern(WIDTH, HEIGHT, 15))
        .bitrateKbps(100, 400, 1000);
  }

  private static CallStatistics await(CallMedia call, Predicate<CallStatistics> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    CallStatistics stats = call.statistics();
    while (!done.test(stats) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      stats = call.statistics();
    }
    return stats;
  }

  @Test
  void exchangesEncryptedAudioAndVideoOverIpv4Loopback() throws Exception {
    exchange("127.0.0.1", CryptoSuite.AES_CM_128_HMAC_SHA1_80);
  }

  @Test
  void exchangesEncryptedAudioAndVideoWithAesGcm() throws Exception {
    exchange("127.0.0.1", CryptoSuite.AEAD_AES_128_GCM);
  }

  private void exchange(String address, CryptoSuite suite) throws Exception {
    String keyA = suite.newCryptoAttribute(1);
    String keyB = suite.newCryptoAttribute(1);
    RecordedEvents eventsA = new RecordedEvents();
    RecordedEvents eventsB = new RecordedEvents();
    CallMedia b = new CallMedia(side(address, keyB, keyA), eventsB);
    try (CallMedia a = new CallMedia(side(address, keyA, keyB), eventsA)) {
      a.setRemote(address, b.localPort());
      b.setRemote(address, a.localPort());
      a.startVideo(CallMedia.View.OTHER, 0, RenderMode.FULL_CONTENT);
      a.setPixelBufferSize(CallMedia.View.OTHER, WIDTH, HEIGHT);
      a.start();
      b.start();

      CallStatistics stats =
          await(
              a,
              s ->
                  s.get(CallStatistic.FRAMES_RENDERED) >= 30
                      && s.get(CallStatistic.AUDIO_PLAYED_MS) >= 2000
                      && s.rttMs().isPresent());
      assertTrue(stats.get(CallStatistic.FRAMES_RENDERED) >= 30, stats.toString());
      assertTrue(stats.get(CallStatistic.AUDIO_PLAYED_MS) >= 2000, stats.toString());
      assertTrue(stats.rttMs().isPresent(), "RTCP reports give an RTT: " + stats);
      assertTrue(stats.audioConcealedShare() < 0.1, "loopback loses nothing: " + stats);
      assertEquals(0, stats.get(CallStatistic.SRTP_AUTH_FAILURES), stats.toString());
      assertTrue(stats.get(CallStatistic.VIDEO_PACKETS_RECEIVED) > 0, stats.toString());
      assertTrue(stats.get(CallStatistic.AUDIO_PACKETS_SENT) > 0, stats.toString());
      assertTrue(stats.get(CallStatistic.OUTPUT_LEVEL) > 0, "the tone is heard: " + stats);
      MediaEvent first = eventsA.next(MediaEvent.Type.FIRST_FRAME_RENDERED);
      assertEquals(a.id(), first.objectId());
      assertEquals(CallMedia.View.OTHER.code, first.value());

      // The other view shows the peer's test pattern: its stamp reads back.
      byte[] bgra = new byte[WIDTH * HEIGHT * 4];
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      boolean stamped = false;
      while (!stamped && System.nanoTime() < deadline) {
        if (a.copyPixels(CallMedia.View.OTHER, bgra) > 0) {
          try (ParleyCore.TestPatternStamp stamp =
              ParleyCore.readTestPatternStamp(bgra, WIDTH, HEIGHT, WIDTH * 4)) {
            stamped = stamp.valid();
          }
        }
        Thread.sleep(50);
      }
      assertTrue(stamped, "the peer's test pattern is drawn in the other view");

      // Mute shows up in the statistics and leaves the stream running (DTX).
      b.setMicrophoneMuted(true);
      assertEquals(1, b.statistics().get(CallStatistic.MICROPHONE_MUTED));

      b.close();
      MediaEvent bye = eventsA.next(MediaEvent.Type.REMOTE_BYE);
      assertEquals(a.id(), bye.objectId());
    } finally {
      b.close();
    }
  }

  @Test
  void silentPeerRaisesMediaTimeout() throws Exception {
    String key = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    RecordedEvents events = new RecordedEvents();
    // A bound socket that never answers stands in for a peer that vanished.
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        CallMedia call =
            new CallMedia(
                side("127.0.0.1", key, key)
                    .video(false)
                    .mediaTimeoutMs(1000),
                events)) {
      call.setRemote("127.0.0.1", silent.getLocalPort());
      call.start();
      MediaEvent timeout = events.next(MediaEvent.Type.MEDIA_TIMEOUT);
      assertEquals(call.id(), timeout.objectId());
      assertEquals(1, call.statistics().get(CallStatistic.MEDIA_TIMED_OUT));
    }
  }

  @Test
  void refusesToRunWithoutKeysUnlessPlainRtpWasAgreed() {
    RecordedEvents events = new RecordedEvents();
    try (CallMedia call =
        new CallMedia(side("127.0.0.1", "", ""), events)) {
      call.setRemote("127.0.0.1", 9);
      IllegalStateException e = assertThrows(IllegalStateException.class, call::start);
      assertTrue(e.getMessage().toLowerCase().contains("plain"), e.getMessage());
    }
  }

  @Test
  void rejectsAMalformedCryptoAttribute() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CallMedia(
                    side("127.0.0.1", "1 NOPE inline:x", ""),
                    new RecordedEvents()));
    assertTrue(e.getMessage().contains("a=crypto"), e.getMessage());
  }

  @Test
  void rejectsABadBindAddress() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CallMedia(
                side("not-an-ip", "", ""),
                new RecordedEvents()));
  }
}
