package org.parley.media.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.media.jni.ParleyCore.OpusAudioDecoder;
import org.parley.media.jni.ParleyCore.OpusAudioEncoder;

/** Opus through the binding: one second of a 440 Hz tone survives libopus encode and decode. */
class OpusToneTest {
  private static final int RATE = 48_000;
  private static final int FRAME = 960; // 20 ms

  @Test
  void oneSecondOf440HzDecodesAt440Hz() {
    short[] decoded = new short[RATE];
    short[] pcm = new short[FRAME];
    short[] out = new short[FRAME];
    byte[] packet = new byte[1500];
    try (OpusAudioEncoder encoder = new OpusAudioEncoder(RATE, 1, 32_000);
        OpusAudioDecoder decoder = new OpusAudioDecoder(RATE, 1)) {
      for (int frame = 0; frame < RATE / FRAME; frame++) {
        for (int i = 0; i < FRAME; i++) {
          double t = (double) (frame * FRAME + i) / RATE;
          pcm[i] = (short) (12_000 * Math.sin(2 * Math.PI * 440 * t));
        }
        int size = encoder.encode(pcm, FRAME, packet, packet.length);
        assertTrue(size > 0 && size < 200, "packet of " + size + " bytes");
        assertEquals(FRAME, decoder.decode(packet, size, out, FRAME));
        System.arraycopy(out, 0, decoded, frame * FRAME, FRAME);
      }
    }
    // Skip the codec's start-up (look-ahead and pre-skip) before measuring.
    short[] settled = java.util.Arrays.copyOfRange(decoded, RATE / 10, RATE);
    double peak = Tones.dominantFrequency(settled, RATE, 100, 2000);
    assertEquals(440, peak, 2, "dominant frequency");
    double rms = Tones.rms(settled);
    assertTrue(rms > 12_000 / Math.sqrt(2) * 0.7, "level kept, RMS " + rms);
    System.out.printf("Opus tone: dominant %.1f Hz, RMS %.0f%n", peak, rms);
  }

  @Test
  void lostFrameIsConcealed() {
    short[] out = new short[FRAME];
    try (OpusAudioDecoder decoder = new OpusAudioDecoder(RATE, 1)) {
      assertEquals(FRAME, decoder.decode((byte[]) null, 0, out, FRAME));
    }
  }
}
