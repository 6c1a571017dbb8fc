package org.parley.media.audio;

/**
 * A sound device as listed when {@link AudioDevices#list} ran.
 *
 * @param id what a call's microphone/speaker setting takes ("default" follows the system)
 * @param name human-readable name
 * @param hostApi the OS audio layer (ALSA, JACK, WASAPI, Core Audio, ...); empty for "default"
 * @param systemDefault whether it is the system default of its direction
 */
public record AudioDevice(
    AudioDirection direction, String id, String name, String hostApi, boolean systemDefault) {
  /** The id of the pseudo-device that follows the system default. */
  public static final String DEFAULT_ID = "default";
}
