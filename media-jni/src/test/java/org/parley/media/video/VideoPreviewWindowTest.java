package org.parley.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Canvas;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.media.events.MediaEvent;
import org.parley.media.events.RecordedEvents;
import org.parley.media.jni.ParleyCore;

/**
 * The preview drawn by the core straight into a real AWT window (X11 under Xvfb): the screen's
 * pixels must show the test pattern, stamp included.
 */
class VideoPreviewWindowTest {
  private final RecordedEvents events = new RecordedEvents();
  private Frame frame;

  /** A heavyweight canvas AWT never paints over. */
  static final class VideoCanvas extends Canvas {
    private static final long serialVersionUID = 1L;

    @Override
    public void paint(Graphics g) {}

    @Override
    public void update(Graphics g) {}
  }

  @AfterEach
  void closeWindow() throws Exception {
    if (frame != null) {
      SwingUtilities.invokeAndWait(frame::dispose);
    }
  }

  @Test
  void testPatternIsDrawnIntoTheCanvas() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (the tests run under Xvfb)");
    VideoCanvas canvas = new VideoCanvas();
    AtomicLong handle = new AtomicLong();
    SwingUtilities.invokeAndWait(
        () -> {
          frame = new Frame("preview test");
          canvas.setPreferredSize(new Dimension(480, 360));
          frame.add(canvas);
          frame.pack();
          frame.setVisible(true);
        });
    // The window must be mapped before its handle is taken and drawn into.
    new Robot().waitForIdle();
    SwingUtilities.invokeAndWait(() -> handle.set(NativeWindow.handleOf(canvas)));
    assertTrue(handle.get() != 0);

    try (VideoPreview preview = new VideoPreview(events)) {
      preview.start(VideoSource.testPattern(640, 480, 30), handle.get(), RenderMode.FULL_CONTENT);
      MediaEvent first = events.next(MediaEvent.Type.FIRST_FRAME_RENDERED);
      assertEquals(640, first.width());
      Thread.sleep(300); // a few more frames

      Point origin = canvas.getLocationOnScreen();
      Rectangle area = new Rectangle(origin.x, origin.y, canvas.getWidth(), canvas.getHeight());
      BufferedImage shot = new Robot().createScreenCapture(area);
      byte[] bgra = toBgra(shot);
      try (ParleyCore.TestPatternStamp stamp =
          ParleyCore.readTestPatternStamp(bgra, shot.getWidth(), shot.getHeight(), shot.getWidth() * 4)) {
        assertTrue(stamp.valid(), "the window shows the test pattern with an intact stamp");
        assertTrue(stamp.sequence() > 0, "frames advance: sequence " + stamp.sequence());
      }
      assertTrue(preview.framesRendered() > 3);
    }
  }

  private static byte[] toBgra(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] bgra = new byte[width * height * 4];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int i = (y * width + x) * 4;
        bgra[i] = (byte) rgb;
        bgra[i + 1] = (byte) (rgb >> 8);
        bgra[i + 2] = (byte) (rgb >> 16);
        bgra[i + 3] = (byte) 0xff;
      }
    }
    return bgra;
  }
}
