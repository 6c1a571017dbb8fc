package org.parley.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing sound devices works whether or not the machine has any (CI machines have none). */
class AudioDevicesTest {
  @Test
  void listsTheDefaultPseudoDeviceFirstInBothDirections() {
    for (AudioDirection direction : AudioDirection.values()) {
      List<AudioDevice> devices = AudioDevices.list(direction);
      assertFalse(devices.isEmpty(), direction.name());
      assertEquals(AudioDevice.DEFAULT_ID, devices.get(0).id(), devices.toString());
      assertEquals(direction, devices.get(0).direction());
      for (AudioDevice device : devices) {
        assertFalse(device.name().isBlank(), device.toString());
      }
    }
  }
}
