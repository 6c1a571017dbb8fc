package org.parley.app.ui.settings;

/**
 * An open microphone whose loudness can be read: {@link #level()} is the latest level, 0
 * (silence) to 100 (full scale). Cheap to call, from any thread. {@link #close()} releases the
 * device; it is idempotent and may take a moment, so call it off the Swing thread.
 */
public interface LevelMeter extends AutoCloseable {
  /** The latest level, 0..100. */
  int level();

  @Override
  void close();
}
