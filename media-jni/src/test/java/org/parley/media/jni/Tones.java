package org.parley.media.jni;

/** Test support: measurements on PCM signals. */
final class Tones {
  private Tones() {}

  /** Power of {@code samples} at {@code frequency} Hz (Goertzel algorithm). */
  static double powerAt(short[] samples, int sampleRate, double frequency) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
    double s1 = 0;
    double s2 = 0;
    for (short sample : samples) {
      double s0 = sample + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  }

  /** The frequency between {@code low} and {@code high} Hz (1 Hz steps) with the most power. */
  static double dominantFrequency(short[] samples, int sampleRate, int low, int high) {
    double best = low;
    double bestPower = -1;
    for (int f = low; f <= high; f++) {
      double power = powerAt(samples, sampleRate, f);
      if (power > bestPower) {
        bestPower = power;
        best = f;
      }
    }
    return best;
  }

  static double rms(short[] samples) {
    double sum = 0;
    for (short sample : samples) {
      sum += (double) sample * sample;
    }
    return Math.sqrt(sum / samples.length);
  }
}
