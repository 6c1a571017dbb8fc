package org.parley.app.bench;

import java.awt.Canvas;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import org.parley.media.video.NativeWindow;

/**
 * The window of {@code parley bench --window}: a frame holding a heavyweight {@link Canvas} the
 * native core draws the received video into. {@link #open} shows it and takes the canvas's
 * native handle on the event thread once it is displayable; closing the window by hand runs the
 * given action (the command cancels the run). Close this after the run has been closed, so the
 * core never draws into a destroyed window.
 */
public final class BenchWindow implements AutoCloseable {
  private final JFrame frame;
  private final long handle;

  private BenchWindow(JFrame frame, long handle) {
    this.frame = frame;
    this.handle = handle;
  }

  /**
   * Opens a window with a {@code width} x {@code height} canvas.
   *
   * @param onClosing runs on the event thread when the user closes the window
   * @throws IllegalStateException when there is no display or no native window to draw into
   */
  public static BenchWindow open(int width, int height, Runnable onClosing) {
    if (GraphicsEnvironment.isHeadless()) {
      throw new IllegalStateException("--window needs a display (this JVM is headless)");
    }
    AtomicReference<JFrame> frame = new AtomicReference<>();
    AtomicLong handle = new AtomicLong();
    try {
      EventQueue.invokeAndWait(
          () -> {
            JFrame f = new JFrame("Parley bench: received video");
            frame.set(f);
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            f.addWindowListener(
                new WindowAdapter() {
                  @Override
                  public void windowClosing(WindowEvent e) {
                    onClosing.run();
                  }
                });
            Canvas canvas = new VideoCanvas();
            canvas.setPreferredSize(new Dimension(width, height));
            f.getContentPane().add(canvas);
            f.pack();
            f.setLocationByPlatform(true);
            f.setVisible(true);
            // pack() has made the canvas displayable (it has its native peer) already.
            handle.set(NativeWindow.handleOf(canvas));
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dispose(frame.get());
      throw new IllegalStateException("interrupted while opening the window", e);
    } catch (InvocationTargetException e) {
      dispose(frame.get());
      Throwable cause = e.getCause();
      throw new IllegalStateException(
          "cannot open the video window: " + (cause == null ? e : cause).getMessage(), cause);
    }
    return new BenchWindow(frame.get(), handle.get());
  }

  /** The canvas's native window handle for the core. */
  public long handle() {
    return handle;
  }

  /** Disposes of the window. */
  @Override
  public void close() {
    dispose(frame);
  }

  private static void dispose(JFrame frame) {
    if (frame != null) {
      EventQueue.invokeLater(frame::dispose);
    }
  }

  /** A canvas AWT never paints over: the core owns its pixels. */
  private static final class VideoCanvas extends Canvas {
    private static final long serialVersionUID = 1L;

    @Override
    public void paint(Graphics g) {}

    @Override
    public void update(Graphics g) {}
  }
}
