package org.parley.media.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.media.events.RecordedEvents;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;

/**
 * Echo mode over real loopback UDP: B sends back what it receives, so A sees its own stamped
 * test pattern in its other view and receives its own tone.
 */
class CallMediaEchoTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;

  private static CallMediaSettings side(String local, String remote) {
    return new CallMediaSettings()
        .bindAddress("127.0.0.1")
        .crypto(local, remote)
        .microphone("tone:440")
        .speaker("null")
        .camera(VideoSource.testPattern(WIDTH, HEIGHT, 30))
        .bitrateKbps(100, 800, 2000);
  }

  /** The stamp of the view's latest picture, or null when none is readable yet. */
  private static long[] stamp(CallMedia call, CallMedia.View view) {
    byte[] bgra = new byte[WIDTH * HEIGHT * 4];
    if (call.copyPixels(view, bgra) <= 0) {
      return null;
    }
    try (ParleyCore.TestPatternStamp s = ParleyCore.readTestPatternStamp(bgra, WIDTH, HEIGHT, WIDTH * 4)) {
      return s.valid() ? new long[] {s.sequence(), s.captureTimeMs()} : null;
    }
  }

  @Test
  void echoSideSendsTheCallersOwnPictureAndSoundBack() throws Exception {
    assertTrue(new CallMediaSettings().echo(true).echo());
    String keyA = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    String keyB = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    try (CallMedia a = new CallMedia(side(keyA, keyB), new RecordedEvents());
        CallMedia b =
            new CallMedia(side(keyB, keyA).echo(true).microphone("wav:/nonexistent.wav"), new RecordedEvents())) {
      a.setRemote("127.0.0.1", b.localPort());
      b.setRemote("127.0.0.1", a.localPort());
      for (CallMedia.View view : CallMedia.View.values()) {
        a.startVideo(view, 0, RenderMode.FULL_CONTENT);
        a.setPixelBufferSize(view, WIDTH, HEIGHT);
      }
      a.start();
      b.start();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long[] echoed = null;
      while (echoed == null && System.nanoTime() < deadline) {
        Thread.sleep(50);
        echoed = stamp(a, CallMedia.View.OTHER);
      }
      assertTrue(echoed != null, "A's pattern never came back: " + b.statistics());
      long[] own = null;
      while ((own == null || own[0] < echoed[0]) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        own = stamp(a, CallMedia.View.SELF);
      }
      assertTrue(own != null && own[0] >= echoed[0], "A's own camera view");
      assertTrue(echoed[1] <= own[1], "the echo was captured before A's latest picture");
      assertTrue(own[0] - echoed[0] < 900, "the echo is a recent picture of A's camera");

      CallStatistics stats = a.statistics();
      while (stats.get(CallStatistic.OUTPUT_LEVEL) <= 40 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        stats = a.statistics();
      }
      assertTrue(stats.get(CallStatistic.AUDIO_PACKETS_RECEIVED) > 0, stats.toString());
      assertTrue(stats.get(CallStatistic.OUTPUT_LEVEL) > 40, "A hears its tone back: " + stats);
    }
  }
}
