package org.parley.sdk.device;

import org.parley.media.audio.MicrophoneLevelMeter;

/** {@link MicrophoneLevel} on the native core's level meter. */
final class NativeMicrophoneLevel implements MicrophoneLevel {
  private final MicrophoneLevelMeter meter;

  private NativeMicrophoneLevel(MicrophoneLevelMeter meter) {
    this.meter = meter;
  }

  /** Opens {@code microphoneId}; throws IllegalStateException with the native reason. */
  static MicrophoneLevel open(String microphoneId) {
    return new NativeMicrophoneLevel(MicrophoneLevelMeter.open(microphoneId));
  }

  @Override
  public int level() {
    return meter.level();
  }

  @Override
  public void close() {
    meter.close();
  }
}
