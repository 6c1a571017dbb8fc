package org.parley.media.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.media.jni.ParleyCore.Vp8Decoder;
import org.parley.media.jni.ParleyCore.Vp8Encoder;
import org.parley.media.jni.ParleyCore.Vp8EncoderConfig;

/** VP8 through the binding: libvpx realtime encode and decode of a moving picture. */
class Vp8RoundTripTest {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final int FRAMES = 60;

  @Test
  void sixtyFramesAt640x480DecodeAbove30Db() {
    MovingTestPattern pattern = new MovingTestPattern(WIDTH, HEIGHT);
    byte[] packet = new byte[pattern.frameSize()];
    byte[] picture = new byte[pattern.frameSize()];
    double worst = Double.POSITIVE_INFINITY;
    int keyframes = 0;
    long totalBytes = 0;
    try (Vp8EncoderConfig config =
            new Vp8EncoderConfig().width(WIDTH).height(HEIGHT).fps(30).bitrateKbps(1000);
        Vp8Encoder encoder = new Vp8Encoder(config);
        Vp8Decoder decoder = new Vp8Decoder(1)) {
      assertEquals(-6, config.speed(), "realtime default: fixed negative speed");
      assertTrue(config.errorResilient());
      for (int i = 0; i < FRAMES; i++) {
        byte[] frame = pattern.frame(i);
        int size = encoder.encode(frame, frame.length, i * 33L, false, packet, packet.length);
        assertTrue(size > 0, "frame " + i + " encoded to " + size);
        totalBytes += size;
        keyframes += encoder.lastFrameKeyframe() ? 1 : 0;

        assertEquals(1, decoder.decode(packet, size), "frame " + i + " decoded");
        assertEquals(WIDTH, decoder.width());
        assertEquals(HEIGHT, decoder.height());
        assertEquals(picture.length, decoder.copyI420(picture, picture.length));
        double psnr = MovingTestPattern.psnr(frame, picture, frame.length);
        assertTrue(psnr > 30, "frame " + i + " PSNR " + psnr + " dB");
        worst = Math.min(worst, psnr);
      }
    }
    assertEquals(1, keyframes, "only the first frame is a keyframe");
    double kbps = totalBytes * 8.0 / (FRAMES / 30.0) / 1000;
    assertTrue(kbps < 3000, "rate control holds the stream near its target, got " + kbps);
    System.out.printf("VP8 640x480: worst PSNR %.1f dB, %.0f kbps%n", worst, kbps);
  }

  @Test
  void keyframeOnDemand() {
    MovingTestPattern pattern = new MovingTestPattern(320, 240);
    byte[] packet = new byte[pattern.frameSize()];
    try (Vp8EncoderConfig config = new Vp8EncoderConfig().width(320).height(240);
        Vp8Encoder encoder = new Vp8Encoder(config)) {
      for (int i = 0; i < 3; i++) {
        byte[] frame = pattern.frame(i);
        encoder.encode(frame, frame.length, i * 33L, false, packet, packet.length);
      }
      assertTrue(!encoder.lastFrameKeyframe());
      byte[] frame = pattern.frame(3);
      assertTrue(encoder.encode(frame, frame.length, 99, true, packet, packet.length) > 0);
      assertTrue(encoder.lastFrameKeyframe());
    }
  }

  @Test
  void badSettingsAreAClearError() {
    try (Vp8EncoderConfig config = new Vp8EncoderConfig().width(641).height(480)) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> new Vp8Encoder(config));
      assertTrue(e.getMessage().contains("641x480"), e.getMessage());
    }
  }

  @Test
  void garbageIsReportedAsCorruptNotShown() {
    byte[] garbage = new byte[400];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 11);
    }
    try (Vp8Decoder decoder = new Vp8Decoder(1)) {
      assertEquals(ParleyCore.ERROR_CORRUPT_FRAME, decoder.decode(garbage, garbage.length));
    }
  }
}
