package org.parley.media.audio;

import java.util.Objects;
import org.parley.media.jni.ParleyCore;

/**
 * The live level of one microphone outside a call (a settings page's meter): opens the
 * microphone at once and measures every frame it delivers on a native audio thread.
 *
 * <p>{@link #level()} may be called from any thread (a Swing timer polls it); {@link #close()}
 * stops the microphone and frees the native object, after which {@link #level()} reads 0. The
 * caller must close it (try-with-resources): an open meter keeps the microphone in use.
 */
public final class MicrophoneLevelMeter implements AutoCloseable {
  private ParleyCore.MicrophoneLevelMeter meter;

  private MicrophoneLevelMeter(ParleyCore.MicrophoneLevelMeter meter) {
    this.meter = meter;
  }

  /**
   * Opens a microphone: an id from {@link AudioDevices#list}, {@code "default"}, or a stand-in
   * ({@code "tone:<hz>"}, {@code "voice:<pitch hz>"}, {@code "wav:<path>"}).
   *
   * @throws IllegalStateException with a plain reason when it cannot be opened (no such device,
   *     no sound device at all, busy, bad file)
   */
  public static MicrophoneLevelMeter open(String microphone) {
    Objects.requireNonNull(microphone, "microphone");
    try {
      return new MicrophoneLevelMeter(new ParleyCore.MicrophoneLevelMeter(microphone));
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The level, 0..100: the RMS in dBFS mapped linearly from -60..0 dB, held at its peak and
   * decaying by 20 dB per second; 0 once closed or when the device was lost.
   */
  public synchronized int level() {
    return meter == null ? 0 : meter.level();
  }

  /** Stops the microphone; safe to call more than once. */
  @Override
  public synchronized void close() {
    if (meter != null) {
      meter.stopMicrophone();
      meter.close();
      meter = null;
    }
  }
}
