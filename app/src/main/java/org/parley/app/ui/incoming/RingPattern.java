package org.parley.app.ui.incoming;

import javax.sound.sampled.AudioFormat;

/**
 * Synthesises the ring as 16-bit signed little-endian mono PCM: the North American ringback
 * cadence, 440 Hz + 480 Hz summed, 2 s on and 4 s off (ITU-T E.180 Supplement 2, United States
 * entry; ANSI T1.401). Each burst fades in and out over 10 ms so it does not click. Stateful:
 * {@link #fill} continues where the previous call left off and the cadence repeats forever.
 * Not thread-safe; one per playing thread.
 */
final class RingPattern {
  static final float SAMPLE_RATE = 16_000f;
  static final double LOW_HZ = 440;
  static final double HIGH_HZ = 480;
  static final int ON_SAMPLES = (int) (SAMPLE_RATE * 2);
  static final int CYCLE_SAMPLES = (int) (SAMPLE_RATE * 6);
  /** Each tone's peak, a fifth of full scale: the sum stays below 0.4, loud without clipping. */
  static final double AMPLITUDE = 0.2 * Short.MAX_VALUE;
  private static final int FADE_SAMPLES = (int) (SAMPLE_RATE / 100);

  private long position;

  /** The PCM format {@link #fill} writes. */
  static AudioFormat format() {
    return new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
  }

  /** Fills {@code pcm} (an even length) with the next samples of the ring. */
  void fill(byte[] pcm) {
    if ((pcm.length & 1) != 0) {
      throw new IllegalArgumentException("PCM buffer of odd length " + pcm.length);
    }
    for (int i = 0; i < pcm.length; i += 2) {
      short s = sampleAt(position++);
      pcm[i] = (byte) s;
      pcm[i + 1] = (byte) (s >> 8);
    }
  }

  /** The sample at absolute index {@code n} (0 is the start of the first burst). */
  static short sampleAt(long n) {
    int inCycle = (int) (n % CYCLE_SAMPLES);
    if (inCycle >= ON_SAMPLES) {
      return 0;
    }
    double t = n / (double) SAMPLE_RATE;
    double v = AMPLITUDE * (Math.sin(2 * Math.PI * LOW_HZ * t) + Math.sin(2 * Math.PI * HIGH_HZ * t));
    int edge = Math.min(inCycle, ON_SAMPLES - 1 - inCycle);
    if (edge < FADE_SAMPLES) {
      v *= edge / (double) FADE_SAMPLES;
    }
    return (short) Math.round(v);
  }
}
