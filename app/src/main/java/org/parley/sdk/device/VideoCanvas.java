package org.parley.sdk.device;

import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoPreview;

/**
 * A running local preview (the seeds' JCMediaDeviceVideoCanvas): the current camera drawn into a
 * native window, or into a pixel buffer ({@link #copyPixels}) when started with handle 0. Stop it
 * through {@link MediaDevice#stopPreview()}; after that its methods do nothing.
 */
public final class VideoCanvas {
  private final VideoPreview preview;
  private volatile boolean stopped;

  VideoCanvas(VideoPreview preview) {
    this.preview = preview;
  }

  /** Pixel-buffer canvases: the size to draw at, in device pixels. */
  public void setPixelBufferSize(int width, int height) {
    if (!stopped) {
      preview.setPixelBufferSize(width, height);
    }
  }

  /** Copies the latest BGRA picture; 0 when nothing new (or stopped). */
  public int copyPixels(byte[] bgra) {
    return stopped ? 0 : preview.copyPixels(bgra);
  }

  public void setRenderMode(RenderMode mode) {
    if (!stopped) {
      preview.setRenderMode(mode);
    }
  }

  public long framesRendered() {
    return preview.framesRendered();
  }

  void stop() {
    stopped = true;
    preview.close();
  }

  VideoPreview preview() {
    return preview;
  }
}
