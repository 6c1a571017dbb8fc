package org.parley.app.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.NativeWindow;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.device.CameraProperty;

/**
 * The camera preview draws the SDK's test pattern, through the native canvas and through the
 * pixel-buffer fallback (forced by a handle source that throws, as on a display without native
 * windows); the screenshot must carry an intact test-pattern stamp. A camera that cannot start
 * is explained in words.
 */
class CameraPreviewTest {
  final ParleyClient client = new ParleyClient(ParleyConfig.builder(URI.create("ws://127.0.0.1:9/signalling"), "preview")
      .camera("test-pattern").cameraProperty(new CameraProperty(320, 240, 15)).build());
  final ExecutorService worker = Executors.newSingleThreadExecutor();
  JFrame frame;
  CameraPreview preview;

  @AfterEach
  void tearDown() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      if (preview != null) {
        preview.stop();
      }
      if (frame != null) {
        frame.dispose();
      }
    });
    worker.shutdown();
    assertTrue(worker.awaitTermination(30, TimeUnit.SECONDS));
    client.close();
  }

  void show(ToLongFunction<Component> handles) throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      preview = new CameraPreview(client.mediaDevice(), worker, handles);
      frame = new JFrame("preview");
      frame.add(preview);
      frame.pack();
      frame.setLocation(0, 0);
      frame.setVisible(true);
    });
    SwingUtilities.invokeAndWait(() -> preview.start());
  }

  @Test
  void nativeCanvasShowsTheStampedPattern() throws Exception {
    show(NativeWindow::handleOf);
    assertStampOnScreen();
    assertEquals(false, SettingsDialogTest.onEdt(preview::usesPixelBuffer));
  }

  @Test
  void pixelBufferFallbackShowsTheStampedPattern() throws Exception {
    show(c -> {
      throw new IllegalStateException("no native window in this test");
    });
    assertStampOnScreen();
    assertEquals(true, SettingsDialogTest.onEdt(preview::usesPixelBuffer));
  }

  @Test
  void cameraThatCannotStartIsExplained() throws Exception {
    client.mediaDevice().switchCamera("file:/nonexistent/clip.y4m");
    show(NativeWindow::handleOf);
    SettingsDialogTest.waitFor(() -> SettingsDialogTest.onEdtQuiet(() -> {
      JLabel m = (JLabel) SettingsDialogTest.find(preview, "settings.preview.message");
      return m.isShowing() && m.getText().contains("camera");
    }));
  }

  void assertStampOnScreen() throws Exception {
    Robot robot = new Robot();
    Rectangle area = SettingsDialogTest.onEdt(() -> {
      Point at = preview.getLocationOnScreen();
      return new Rectangle(at.x, at.y, preview.getWidth(), preview.getHeight());
    });
    assertEquals(new Rectangle(area.x, area.y, 320, 240), area, "the preview is 4:3 like the source");
    SettingsDialogTest.waitFor(() -> {
      BufferedImage shot = robot.createScreenCapture(area);
      byte[] bgra = new byte[shot.getWidth() * shot.getHeight() * 4];
      int i = 0;
      for (int y = 0; y < shot.getHeight(); y++) {
        for (int x = 0; x < shot.getWidth(); x++) {
          int rgb = shot.getRGB(x, y);
          bgra[i++] = (byte) rgb;
          bgra[i++] = (byte) (rgb >> 8);
          bgra[i++] = (byte) (rgb >> 16);
          bgra[i++] = (byte) 0xff;
        }
      }
      try (ParleyCore.TestPatternStamp s =
          ParleyCore.readTestPatternStamp(bgra, shot.getWidth(), shot.getHeight(), shot.getWidth() * 4)) {
        return s.valid();
      }
    });
  }
}
