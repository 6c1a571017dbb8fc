package org.parley.app.ui.incoming;

/**
 * The sound of an incoming call. {@link #start()} begins ringing (again, if it was stopped) and
 * returns at once; {@link #stop()} ends it promptly and releases the audio device. Both are
 * idempotent and may be called from any thread, typically the Swing event thread.
 */
public interface Ringtone {
  /** Starts ringing; does nothing while already ringing. */
  void start();

  /** Stops ringing; does nothing when silent. */
  void stop();

  /**
   * The computer's speaker via javax.sound.sampled: a two-tone ring synthesised in code (see
   * {@link RingPattern}). Silent where there is no audio device (as under Xvfb or in CI), which
   * is logged once at DEBUG.
   */
  static Ringtone system() {
    return new SystemRingtone(SystemRingtone.JAVA_SOUND);
  }

  /** A ringtone that never makes a sound (for tests and for a user who turned ringing off). */
  static Ringtone silent() {
    return new Ringtone() {
      @Override
      public void start() {}

      @Override
      public void stop() {}
    };
  }
}
