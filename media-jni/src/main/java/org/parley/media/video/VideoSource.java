package org.parley.media.video;

import java.util.Objects;
import org.parley.media.jni.ParleyCore;

/**
 * Which video source to open, and the size and frame rate to ask it for. A camera may deliver
 * something else; the capture-started event says what it delivers.
 *
 * @param kind camera, test pattern or file
 * @param cameraId the camera's id from {@link Cameras#list()} (cameras only)
 * @param filePath an MJPEG {@code .avi} or a {@code .y4m} file, looped (files only)
 */
public record VideoSource(Kind kind, int cameraId, String filePath, int width, int height, int fps) {
  /** The kinds of source. */
  public enum Kind {
    CAMERA(ParleyCore.SOURCE_CAMERA),
    TEST_PATTERN(ParleyCore.SOURCE_TEST_PATTERN),
    FILE(ParleyCore.SOURCE_FILE);

    final int code;

    Kind(int code) {
      this.code = code;
    }
  }

  public VideoSource {
    Objects.requireNonNull(kind, "kind");
    boolean fileSize = kind == Kind.FILE && width == 0 && height == 0; // the file's own size
    if (!fileSize && (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)) {
      throw new IllegalArgumentException("width and height must be even and positive: " + width + "x" + height);
    }
    if (fps <= 0 || fps > 120) {
      throw new IllegalArgumentException("fps must be in 1..120: " + fps);
    }
    if (kind == Kind.FILE && (filePath == null || filePath.isEmpty())) {
      throw new IllegalArgumentException("a file source needs a path");
    }
  }

  public static VideoSource camera(int cameraId, int width, int height, int fps) {
    return new VideoSource(Kind.CAMERA, cameraId, "", width, height, fps);
  }

  public static VideoSource testPattern(int width, int height, int fps) {
    return new VideoSource(Kind.TEST_PATTERN, 0, "", width, height, fps);
  }

  /** A file at its own size, played at {@code fps}. */
  public static VideoSource file(String path, int fps) {
    return new VideoSource(Kind.FILE, 0, path, 0, 0, fps);
  }

  /** The native settings of this source (binding use: the caller closes them). */
  public ParleyCore.VideoSourceConfig toNative() {
    return new ParleyCore.VideoSourceConfig()
        .kind(kind.code)
        .cameraId(cameraId)
        .filePath(filePath == null ? "" : filePath)
        .width(width)
        .height(height)
        .fps(fps);
  }
}
