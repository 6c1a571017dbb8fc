package org.parley.sdk.device;

/**
 * The capture size and frame rate asked of cameras (the seeds' camera property). A camera may
 * deliver something close instead.
 */
public record CameraProperty(int width, int height, int fps) {
  public CameraProperty {
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("width and height must be even and positive: " + width + "x" + height);
    }
    if (fps <= 0 || fps > 120) {
      throw new IllegalArgumentException("fps must be in 1..120: " + fps);
    }
  }

  /** 640x480 at 30 fps. */
  public static CameraProperty defaults() {
    return new CameraProperty(640, 480, 30);
  }
}
