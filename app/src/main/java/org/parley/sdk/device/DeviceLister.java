package org.parley.sdk.device;

import java.util.List;

/**
 * Lists the devices of one kind present now. Production: {@link NativeDeviceLister}; tests use a
 * fake to drive {@link MediaDevice}'s change detection.
 */
public interface DeviceLister {
  /** The devices of {@code kind}, in a stable order; never null. */
  List<DeviceInfo> list(DeviceKind kind);
}
