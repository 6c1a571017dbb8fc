package org.parley.sdk.device;

/** The kinds of media device. */
public enum DeviceKind {
  CAMERA,
  MICROPHONE,
  SPEAKER
}
