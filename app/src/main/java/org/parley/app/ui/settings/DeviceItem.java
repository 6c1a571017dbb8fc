package org.parley.app.ui.settings;

import java.util.ArrayList;
import java.util.List;
import org.parley.sdk.device.DeviceInfo;

/**
 * An entry of a device list in the settings dialog: the SDK's device id and the name shown. The
 * microphone and speaker lists start with {@link #SYSTEM_DEFAULT} (id null in the preferences,
 * {@value #SDK_DEFAULT} for the SDK).
 */
record DeviceItem(String id, String name) {
  /** The id the SDK takes for the system's default sound device. */
  static final String SDK_DEFAULT = "default";
  static final DeviceItem SYSTEM_DEFAULT = new DeviceItem(null, "System default");

  /** The id to hand to the SDK (never null). */
  String sdkId() {
    return id == null ? SDK_DEFAULT : id;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The items for {@code devices}, after {@link #SYSTEM_DEFAULT} when {@code withDefault}. */
  static List<DeviceItem> of(List<DeviceInfo> devices, boolean withDefault) {
    List<DeviceItem> out = new ArrayList<>();
    if (withDefault) {
      out.add(SYSTEM_DEFAULT);
    }
    for (DeviceInfo d : devices) {
      if (!(withDefault && SDK_DEFAULT.equals(d.id()))) {
        out.add(new DeviceItem(d.id(), d.name()));
      }
    }
    return out;
  }
}
