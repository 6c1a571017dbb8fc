package org.parley.app.ui.call;

import java.awt.Canvas;
import java.awt.Color;
import java.awt.Graphics;
import java.util.Objects;
import javax.swing.SwingUtilities;
import org.parley.media.video.NativeWindow;
import org.parley.media.video.RenderMode;

/**
 * A heavyweight canvas the SDK draws one video view into. Java paints nothing here (empty {@code
 * paint}/{@code update}, black background). Each time the canvas gets a native window ({@code
 * addNotify}, also after a full-screen toggle re-creates it) it takes the new handle on the event
 * thread and (re)starts the view; before the native window goes ({@code removeNotify}) it stops
 * the view. Where there is no native window ({@link NativeWindow#handleOf} throws) the {@link
 * Listener} is told once, so the owner can show a pixel-buffer view instead; the system property
 * {@code parley.video.pixelBuffer=true} asks for that everywhere.
 */
final class VideoSurface extends Canvas {
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(VideoSurface.class.getName());
  /**
   * System property: when {@code true}, video is always drawn through the pixel-buffer fallback
   * (for displays where native drawing misbehaves, e.g. some remote desktops).
   */
  static final String PIXEL_BUFFER_PROPERTY = "parley.video.pixelBuffer";

  /** Told when this canvas cannot carry native video. */
  interface Listener {
    void onNoNativeWindow(VideoSurface surface, String reason);
  }

  private final transient VideoRenderer renderer;
  private final transient Listener listener;
  private RenderMode mode;
  private long handle;
  private boolean started;

  VideoSurface(VideoRenderer renderer, RenderMode mode, Listener listener) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.listener = Objects.requireNonNull(listener, "listener");
    setBackground(Color.BLACK);
    setFocusable(false);
  }

  @Override
  public void paint(Graphics g) {
    // The SDK draws here; painting from Java would wipe the video.
  }

  @Override
  public void update(Graphics g) {
    // As paint: no clearing.
  }

  @Override
  public void addNotify() {
    super.addNotify();
    SwingUtilities.invokeLater(this::attach);
  }

  @Override
  public void removeNotify() {
    detach();
    super.removeNotify();
  }

  /** The native window id in use, 0 when none. */
  long handle() {
    return handle;
  }

  RenderMode renderMode() {
    return mode;
  }

  /** Changes how the picture fits: restarts the view with the new mode. */
  void setRenderMode(RenderMode next) {
    mode = Objects.requireNonNull(next, "next");
    if (started) {
      renderer.start(handle, mode);
    }
  }

  /** Stops the view for good (the call ended or the window closes). */
  void detach() {
    if (started) {
      started = false;
      renderer.stop();
    }
    handle = 0;
  }

  private void attach() {
    if (!isDisplayable() || started) {
      return;
    }
    if (Boolean.getBoolean(PIXEL_BUFFER_PROPERTY)) {
      listener.onNoNativeWindow(this, PIXEL_BUFFER_PROPERTY + " is set");
      return;
    }
    try {
      handle = NativeWindow.handleOf(this);
    } catch (IllegalStateException e) {
      LOG.log(System.Logger.Level.INFO, "no native video window: " + e.getMessage());
      listener.onNoNativeWindow(this, e.getMessage());
      return;
    }
    started = true;
    renderer.start(handle, mode);
  }
}
