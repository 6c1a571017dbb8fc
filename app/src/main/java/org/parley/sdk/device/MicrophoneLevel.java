package org.parley.sdk.device;

/**
 * The live level of a microphone opened only to measure it (a settings page's meter), from
 * {@link MediaDevice#openMicrophoneLevel}. {@link #level()} may be called from any thread; the
 * caller must {@link #close()} it, since an open meter keeps the microphone in use.
 */
public interface MicrophoneLevel extends AutoCloseable {
  /**
   * 0..100: the RMS level mapped linearly from -60..0 dBFS, held at its peak and decaying by 20
   * dB per second; 0 once closed or when the device went away.
   */
  int level();

  /** Stops the microphone; safe to call more than once. */
  @Override
  void close();
}
