package org.parley.media.video;

import java.util.Objects;
import java.util.function.Consumer;
import org.parley.media.events.MediaEvent;
import org.parley.media.events.MediaEventPump;
import org.parley.media.jni.ParleyCore;

/**
 * A local preview: a video source drawn by the core into a native window (see {@link
 * NativeWindow}), or into a pixel buffer the caller copies out and paints where there is no
 * native window (macOS, headless tests).
 *
 * <p>Events (first frame rendered, size changed, capture errors) reach the listener on the media
 * event thread. Close it to stop capture and free the native side; after {@link #close()} the
 * window is no longer touched.
 */
public final class VideoPreview implements AutoCloseable {
  private final ParleyCore.VideoPreview preview = new ParleyCore.VideoPreview();
  private final long id = preview.id();
  private boolean closed;

  /** Creates an idle preview whose events go to {@code listener}. */
  public VideoPreview(Consumer<MediaEvent> listener) {
    MediaEventPump.get().register(id, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Opens {@code source} and draws into {@code windowHandle} (0 for the pixel buffer).
   *
   * @throws IllegalStateException when the source cannot be opened (no such camera, unreadable
   *     file) or the window cannot be drawn into, with the reason
   */
  public synchronized void start(VideoSource source, long windowHandle, RenderMode mode) {
    checkOpen();
    try (ParleyCore.VideoSourceConfig config = source.toNative()) {
      preview.start(config, windowHandle, mode.code);
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Replaces the source while the preview runs; the window keeps showing video. */
  public synchronized void switchSource(VideoSource source) {
    checkOpen();
    try (ParleyCore.VideoSourceConfig config = source.toNative()) {
      preview.switchSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public synchronized void setRenderMode(RenderMode mode) {
    checkOpen();
    preview.setRenderMode(mode.code);
  }

  /** Pixel-buffer previews: the size (in device pixels) the caller paints. */
  public synchronized void setPixelBufferSize(int width, int height) {
    checkOpen();
    preview.setPixelBufferSize(width, height);
  }

  /**
   * Copies the latest picture as BGRA bytes (width * height * 4 of the pixel-buffer size).
   * Returns the bytes copied, or 0 when nothing changed since the last copy.
   */
  public synchronized int copyPixels(byte[] bgra) {
    checkOpen();
    return preview.copyPixels(bgra, bgra.length);
  }

  public synchronized long framesCaptured() {
    return closed ? 0 : preview.framesCaptured();
  }

  public synchronized long framesRendered() {
    return closed ? 0 : preview.framesRendered();
  }

  /** Stops capture and drawing; the native window is no longer touched once this returns. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    preview.stop();
    MediaEventPump.get().unregister(id);
    preview.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the preview is closed");
    }
  }
}
