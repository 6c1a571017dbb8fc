package org.parley.app.ui.settings;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * A short two-note chime (660 Hz then 880 Hz, 0.3 s each, gently faded) played through Java
 * Sound's default output, to check that sound comes out. Blocks while it plays: call it off the
 * Swing thread. Java Sound cannot address the SDK's sound devices, so it always uses the
 * system's default output.
 */
final class TestSound {
  static final float RATE = 44_100f;

  private TestSound() {}

  /** The chime as signed 16-bit little-endian mono samples. */
  static byte[] chime() {
    int perNote = (int) (RATE * 0.3);
    byte[] pcm = new byte[perNote * 2 * 2];
    int at = 0;
    for (double hz : new double[] {660, 880}) {
      for (int i = 0; i < perNote; i++) {
        double fade = Math.min(1.0, Math.min(i, perNote - i) / (RATE * 0.02));
        short s = (short) (Math.sin(2 * Math.PI * hz * i / RATE) * fade * 0.3 * Short.MAX_VALUE);
        pcm[at++] = (byte) s;
        pcm[at++] = (byte) (s >> 8);
      }
    }
    return pcm;
  }

  /**
   * Plays the chime and waits until it has been heard.
   *
   * @throws LineUnavailableException when there is no output to play on (no sound device)
   */
  static void play() throws LineUnavailableException {
    AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
    try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
      byte[] pcm = chime();
      line.open(format, pcm.length);
      line.start();
      line.write(pcm, 0, pcm.length);
      line.drain();
    } catch (IllegalArgumentException e) {
      // No mixer supports the format: same as having no output at all.
      throw new LineUnavailableException("no sound output: " + e.getMessage());
    }
  }
}
