package org.parley.sdk.device;

/**
 * What {@link MediaDevice} tells the application (the seeds' JCMediaDeviceCallback). Every
 * method runs on the SDK event thread; all have empty defaults.
 */
public interface MediaDeviceCallback {
  /** The current camera changed (switched by the user, or the camera in use went away). */
  default void onCameraUpdate() {}

  /** Devices of {@code kind} were plugged in or removed; read the new list from MediaDevice. */
  default void onDeviceListChanged(DeviceKind kind) {}

  /** The preview drew its first picture, {@code width} x {@code height} source pixels. */
  default void onPreviewFirstFrame(int width, int height) {}

  /** The preview's source size changed. */
  default void onPreviewSizeChanged(int width, int height) {}

  /** The preview's camera or window failed ({@code message} says why). */
  default void onPreviewError(String message) {}
}
