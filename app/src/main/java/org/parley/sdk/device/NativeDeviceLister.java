package org.parley.sdk.device;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.audio.AudioDevice;
import org.parley.media.audio.AudioDevices;
import org.parley.media.audio.AudioDirection;
import org.parley.media.video.CameraDevice;
import org.parley.media.video.Cameras;

/**
 * Lists devices through the native core (V4L2 cameras, PortAudio sound devices) and adds the
 * stand-ins that work on any machine: the test-pattern camera, a 440 Hz tone microphone and a
 * silent speaker.
 */
public final class NativeDeviceLister implements DeviceLister {
  @Override
  public List<DeviceInfo> list(DeviceKind kind) {
    List<DeviceInfo> out = new ArrayList<>();
    switch (kind) {
      case CAMERA -> {
        for (CameraDevice c : Cameras.list()) {
          out.add(new DeviceInfo(kind, String.valueOf(c.id()), c.name()));
        }
        out.add(new DeviceInfo(kind, MediaDevice.TEST_PATTERN, "Test pattern"));
      }
      case MICROPHONE -> {
        for (AudioDevice d : AudioDevices.list(AudioDirection.INPUT)) {
          out.add(new DeviceInfo(kind, d.id(), d.name()));
        }
        out.add(new DeviceInfo(kind, "tone:440", "Tone 440 Hz"));
      }
      case SPEAKER -> {
        for (AudioDevice d : AudioDevices.list(AudioDirection.OUTPUT)) {
          out.add(new DeviceInfo(kind, d.id(), d.name()));
        }
        out.add(new DeviceInfo(kind, "null", "No sound"));
      }
    }
    return List.copyOf(out);
  }
}
