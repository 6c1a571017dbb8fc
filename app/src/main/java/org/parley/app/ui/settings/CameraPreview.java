package org.parley.app.ui.settings;

import java.awt.CardLayout;
import java.awt.Canvas;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import org.parley.app.ui.text.UserMessages;
import org.parley.media.video.NativeWindow;
import org.parley.media.video.RenderMode;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.device.VideoCanvas;

/**
 * The live camera preview of the settings dialog ({@code settings.preview}). The SDK draws into
 * a heavyweight {@link Canvas} through its native window; where there is none ({@link
 * NativeWindow#handleOf} throws) it renders into a pixel buffer that a lightweight component
 * reads and paints about 30 times a second. A camera that cannot be opened shows why, in words.
 * {@link #start()} needs the dialog to be visible; starting and stopping the SDK preview run on
 * the dialog's worker, in order. Use on the Swing thread.
 */
final class CameraPreview extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final String NATIVE = "native";
  private static final String PIXELS = "pixels";
  private static final String MESSAGE = "message";

  private final transient MediaDevice device;
  private final transient Executor worker;
  private final transient ToLongFunction<Component> handleOf;
  private final CardLayout cards = new CardLayout();
  private final NativeCanvas canvas = new NativeCanvas();
  private final PixelView pixels = new PixelView();
  private final JLabel message = new JLabel("", SwingConstants.CENTER);
  private final Timer pixelPoll;
  private transient VideoCanvas running;
  private int generation;

  CameraPreview(MediaDevice device, Executor worker) {
    this(device, worker, NativeWindow::handleOf);
  }

  /**
   * A preview that takes native window handles from {@code handleOf} (which throws {@link
   * IllegalStateException} where there is no native window: the preview then uses a pixel buffer).
   */
  CameraPreview(MediaDevice device, Executor worker, ToLongFunction<Component> handleOf) {
    this.device = device;
    this.worker = worker;
    this.handleOf = handleOf;
    setLayout(cards);
    setName("settings.preview");
    setPreferredSize(new Dimension(320, 240));
    setMinimumSize(new Dimension(160, 120));
    Color bg = UIManager.getColor("Parley.video.background");
    setBackground(bg != null ? bg : Color.BLACK);
    canvas.setName("settings.preview.canvas");
    canvas.setBackground(getBackground());
    pixels.setName("settings.preview.pixels");
    message.setName("settings.preview.message");
    message.setForeground(Color.WHITE);
    message.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    add(canvas, NATIVE);
    add(pixels, PIXELS);
    add(message, MESSAGE);
    pixelPoll = new Timer(33, e -> pixels.refresh(running));
  }

  /** Starts previewing the current camera (restarting it if running). The window must be visible. */
  void start() {
    stop();
    int gen = ++generation;
    long handle;
    boolean pixelMode;
    try {
      cards.show(this, NATIVE);
      handle = handleOf.applyAsLong(canvas);
      pixelMode = false;
    } catch (IllegalStateException e) {
      cards.show(this, PIXELS);
      handle = 0;
      pixelMode = true;
    }
    int w = even(Math.max(16, getWidth()));
    int h = even(Math.max(16, getHeight()));
    long target = handle;
    boolean intoPixels = pixelMode;
    worker.execute(() -> {
      VideoCanvas vc;
      try {
        vc = device.startPreview(target, RenderMode.FULL_CONTENT);
        if (intoPixels) {
          vc.setPixelBufferSize(w, h);
        }
      } catch (RuntimeException e) {
        String why = UserMessages.deviceProblem("camera", e.getMessage());
        SwingUtilities.invokeLater(() -> {
          if (gen == generation) {
            showProblem(why);
          }
        });
        return;
      }
      SwingUtilities.invokeLater(() -> {
        if (gen != generation) {
          return;
        }
        running = vc;
        if (intoPixels) {
          pixels.size(w, h);
          pixelPoll.start();
        }
      });
    });
  }

  /** True when the preview draws through the pixel buffer (no native window). */
  boolean usesPixelBuffer() {
    return pixelPoll.isRunning();
  }

  /** Stops the preview (the SDK's stop runs on the worker). */
  void stop() {
    generation++;
    pixelPoll.stop();
    running = null;
    worker.execute(device::stopPreview);
  }

  /** Shows {@code text} instead of the video (a camera problem, in words). */
  void showProblem(String text) {
    pixelPoll.stop();
    message.setText("<html><div style='text-align:center'>" + escape(text) + "</div></html>");
    cards.show(this, MESSAGE);
  }

  private static int even(int v) {
    return v & ~1;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The heavyweight canvas the SDK draws into; Java paints nothing there. */
  private static final class NativeCanvas extends Canvas {
    private static final long serialVersionUID = 1L;

    @Override
    public void paint(Graphics g) {
      // The native core owns these pixels.
    }

    @Override
    public void update(Graphics g) {
      // Not cleared either.
    }
  }

  /** Paints the pixel-buffer preview (BGRA pictures read from the SDK). */
  private static final class PixelView extends JComponent {
    private static final long serialVersionUID = 1L;
    private transient BufferedImage image;
    private byte[] bgra = new byte[0];

    void size(int w, int h) {
      image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      bgra = new byte[w * h * 4];
    }

    void refresh(VideoCanvas source) {
      if (source == null || image == null || source.copyPixels(bgra) <= 0) {
        return;
      }
      // BGRA bytes are little-endian ARGB ints; the alpha byte is ignored by TYPE_INT_RGB.
      int[] dst = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
      ByteBuffer.wrap(bgra).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(dst);
      repaint();
    }

    @Override
    protected void paintComponent(Graphics g) {
      g.setColor(getParent() != null ? getParent().getBackground() : Color.BLACK);
      g.fillRect(0, 0, getWidth(), getHeight());
      if (image != null) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(image, 0, 0, getWidth(), getHeight(), null);
        g2.dispose();
      }
    }
  }
}
