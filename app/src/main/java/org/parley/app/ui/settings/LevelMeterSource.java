package org.parley.app.ui.settings;

import java.io.IOException;
import java.util.Objects;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.device.MicrophoneLevel;

/**
 * Opens {@link LevelMeter}s for the settings dialog's microphone meter. Opening may block while
 * the device starts: call it off the Swing thread.
 */
public interface LevelMeterSource {
  /**
   * Opens the microphone {@code microphoneId} (an SDK device id such as {@code "default"} or
   * {@code "tone:440"}).
   *
   * @throws IOException when the device cannot be opened, with the reason in the message
   */
  LevelMeter open(String microphoneId) throws IOException;

  /**
   * Meters from the SDK ({@link MediaDevice#openMicrophoneLevel}); a device that cannot open
   * (its {@link IllegalStateException}) becomes an {@link IOException} with the same reason.
   */
  static LevelMeterSource of(MediaDevice device) {
    Objects.requireNonNull(device, "device");
    return id -> {
      MicrophoneLevel level;
      try {
        level = device.openMicrophoneLevel(id);
      } catch (IllegalStateException e) {
        throw new IOException(e.getMessage(), e);
      }
      return new LevelMeter() {
        @Override
        public int level() {
          return level.level();
        }

        @Override
        public void close() {
          level.close();
        }
      };
    };
  }
}
