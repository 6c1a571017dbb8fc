package org.parley.media.audio;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.jni.ParleyCore;

/** Lists microphones and speakers (through PortAudio in the native core). */
public final class AudioDevices {
  private AudioDevices() {}

  /**
   * The devices of one direction now. The first entry is always the "default" pseudo-device, so
   * the list is never empty; on a machine without sound devices it is the only entry, and a call
   * that opens it reports an audio-device error event and goes on without sound.
   */
  public static List<AudioDevice> list(AudioDirection direction) {
    List<AudioDevice> devices = new ArrayList<>();
    try (ParleyCore.AudioDeviceList list = new ParleyCore.AudioDeviceList(direction.code)) {
      for (int i = 0; i < list.size(); i++) {
        devices.add(
            new AudioDevice(direction, list.id(i), list.name(i), list.hostApi(i), list.isDefault(i)));
      }
    }
    return List.copyOf(devices);
  }
}
