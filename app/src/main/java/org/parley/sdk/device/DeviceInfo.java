package org.parley.sdk.device;

import java.util.Objects;

/**
 * A device as last listed.
 *
 * @param id what {@link MediaDevice#switchCamera(String)}, {@link MediaDevice#setMicrophone} and
 *     {@link MediaDevice#setSpeaker} take: a camera index, an audio device id, or a stand-in
 *     ({@value MediaDevice#TEST_PATTERN}, {@code "tone:440"}, {@code "null"})
 * @param name a human-readable name
 */
public record DeviceInfo(DeviceKind kind, String id, String name) {
  public DeviceInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
