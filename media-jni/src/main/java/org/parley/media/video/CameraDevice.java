package org.parley.media.video;

/**
 * A camera as the OS names it.
 *
 * @param id what {@link VideoSource#camera} takes
 * @param name the OS's name for it (V4L2 card name on Linux)
 * @param path the device path (e.g. /dev/video0), empty where the OS has none
 */
public record CameraDevice(int id, String name, String path) {}
