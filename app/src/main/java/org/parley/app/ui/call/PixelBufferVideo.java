package org.parley.app.ui.call;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;
import javax.swing.JComponent;
import javax.swing.Timer;
import org.parley.media.video.RenderMode;

/**
 * The fallback video view where there is no native window (macOS, some remote desktops): asks the
 * SDK for a pixel buffer at this component's size and paints the latest picture about 30 times a
 * second from a Swing timer. The SDK already fits the picture with the render mode, so it is drawn
 * 1:1. {@link #stop()} must be called when the view is no longer needed (stops the timer and the
 * SDK view).
 */
final class PixelBufferVideo extends JComponent {
  private static final long serialVersionUID = 1L;
  static final int FRAME_MS = 33;

  private final transient VideoRenderer renderer;
  private final transient PixelSource pixels;
  private final Timer timer;
  private transient BufferedImage image;
  private byte[] bgra = new byte[0];
  private int width;
  private int height;
  private RenderMode mode;

  PixelBufferVideo(VideoRenderer renderer, PixelSource pixels, RenderMode mode) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.pixels = Objects.requireNonNull(pixels, "pixels");
    this.mode = Objects.requireNonNull(mode, "mode");
    setOpaque(true);
    setBackground(Color.BLACK);
    timer = new Timer(FRAME_MS, e -> refresh());
  }

  /** Starts the SDK view into a pixel buffer and the paint timer. */
  void start() {
    renderer.start(0, mode);
    timer.start();
  }

  /** Stops the timer and the SDK view. */
  void stop() {
    timer.stop();
    renderer.stop();
  }

  void setRenderMode(RenderMode next) {
    mode = Objects.requireNonNull(next, "next");
    if (timer.isRunning()) {
      renderer.start(0, mode);
      width = 0; // re-send the size to the restarted view
    }
  }

  /** Fetches the latest picture (sizing the buffer to the component first) and repaints. */
  void refresh() {
    int w = Math.max(2, getWidth() & ~1);
    int h = Math.max(2, getHeight() & ~1);
    if (w != width || h != height) {
      width = w;
      height = h;
      pixels.setPixelBufferSize(w, h);
      bgra = new byte[w * h * 4];
      image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      return;
    }
    if (pixels.copyPixels(bgra) > 0) {
      int[] rgb = new int[w];
      for (int y = 0; y < h; y++) {
        int row = y * w * 4;
        for (int x = 0; x < w; x++) {
          int i = row + x * 4;
          rgb[x] = (bgra[i + 2] & 0xff) << 16 | (bgra[i + 1] & 0xff) << 8 | (bgra[i] & 0xff);
        }
        image.setRGB(0, y, w, 1, rgb, 0, w);
      }
      repaint();
    }
  }

  @Override
  protected void paintComponent(Graphics g) {
    g.setColor(getBackground());
    g.fillRect(0, 0, getWidth(), getHeight());
    if (image != null) {
      Graphics2D g2 = (Graphics2D) g;
      g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g2.drawImage(image, 0, 0, null);
    }
  }
}
