package org.parley.app.ui;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.swing.SwingUtilities;
import org.parley.media.jni.ParleyCore;

/**
 * Drives real windows on the (Xvfb) screen the way a user does: finds components by name,
 * clicks them with the mouse through {@link Robot}, and reads what is drawn back from
 * screenshots, including the test pattern's stamp out of a video canvas.
 */
public final class ScreenDriver {
  public static final long WAIT_MS = 30_000;

  private final Robot robot;

  public ScreenDriver() throws AWTException {
    robot = new Robot();
    robot.setAutoDelay(20);
  }

  public Robot robot() {
    return robot;
  }

  /** Runs {@code task} on the Swing thread and returns its result. */
  public static <T> T onEdt(Callable<T> task) {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Exception> failed = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> {
        try {
          out.set(task.call());
        } catch (Exception e) {
          failed.set(e);
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (failed.get() != null) {
      throw new IllegalStateException(failed.get());
    }
    return out.get();
  }

  /** Polls {@code done} until it holds, failing after {@link #WAIT_MS} with {@code what}. */
  public static void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + what + " within " + WAIT_MS + " ms");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }

  /** The component named {@code name} in {@code root} (depth first), or null. */
  public static Component find(Container root, String name) {
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName())) {
        return c;
      }
      if (c instanceof Container k) {
        Component found = find(k, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The showing window named {@code name}, or null. */
  public static Window showingWindow(String name) {
    return onEdt(() -> {
      for (Window w : Window.getWindows()) {
        if (w.isShowing() && name.equals(w.getName())) {
          return w;
        }
      }
      return null;
    });
  }

  /** Waits until a showing, enabled component named {@code name} exists in {@code root}. */
  public static Component awaitShowing(Container root, String name) {
    AtomicReference<Component> found = new AtomicReference<>();
    await(name + " on screen", () -> {
      found.set(onEdt(() -> {
        Component c = find(root, name);
        return c != null && c.isShowing() && c.isEnabled() ? c : null;
      }));
      return found.get() != null;
    });
    return found.get();
  }

  /** Moves the mouse to the middle of {@code c} and clicks the left button. */
  public void click(Component c) {
    Rectangle r = screenBounds(c);
    robot.mouseMove(r.x + r.width / 2, r.y + r.height / 2);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
  }

  /** Clicks a point given in {@code c}'s own coordinates. */
  public void clickAt(Component c, Point inside) {
    Point origin = onEdt(c::getLocationOnScreen);
    robot.mouseMove(origin.x + inside.x, origin.y + inside.y);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
  }

  /** Where {@code c} is on the screen now. */
  public static Rectangle screenBounds(Component c) {
    return onEdt(() -> {
      Point p = c.getLocationOnScreen();
      return new Rectangle(p.x, p.y, c.getWidth(), c.getHeight());
    });
  }

  /** A screenshot of what {@code c} shows now. */
  public BufferedImage shot(Component c) {
    return robot.createScreenCapture(screenBounds(c));
  }

  /**
   * Waits until the canvas {@code c} shows a {@code videoWidth} x {@code videoHeight} test
   * pattern (fitted whole, letterboxed) whose stamp reads back; returns the stamp's frame
   * number.
   */
  public long awaitStampedVideo(Component c, int videoWidth, int videoHeight) {
    AtomicReference<Long> sequence = new AtomicReference<>();
    await("a stamped test pattern drawn in " + c.getName(), () -> {
      BufferedImage img = shot(c);
      if (img.getWidth() < 2 || img.getHeight() < 2 || uniform(img)) {
        return false;
      }
      Rectangle picture = letterbox(img.getWidth(), img.getHeight(), videoWidth, videoHeight);
      try (ParleyCore.TestPatternStamp stamp = ParleyCore.readTestPatternStamp(
          bgra(img, picture), picture.width, picture.height, picture.width * 4)) {
        if (stamp.valid()) {
          sequence.set(stamp.sequence());
          return true;
        }
      }
      return false;
    });
    return sequence.get();
  }

  /** Where a {@code vw} x {@code vh} picture sits in a {@code w} x {@code h} canvas, whole. */
  public static Rectangle letterbox(int w, int h, int vw, int vh) {
    double scale = Math.min(w / (double) vw, h / (double) vh);
    int pw = (int) Math.round(vw * scale);
    int ph = (int) Math.round(vh * scale);
    return new Rectangle((w - pw) / 2, (h - ph) / 2, pw, ph);
  }

  public static boolean uniform(BufferedImage img) {
    int first = img.getRGB(0, 0);
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        if (img.getRGB(x, y) != first) {
          return false;
        }
      }
    }
    return true;
  }

  public static byte[] bgra(BufferedImage img, Rectangle r) {
    byte[] out = new byte[r.width * r.height * 4];
    int i = 0;
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x < r.x + r.width; x++) {
        int rgb = img.getRGB(x, y);
        out[i++] = (byte) rgb;
        out[i++] = (byte) (rgb >> 8);
        out[i++] = (byte) (rgb >> 16);
        out[i++] = (byte) 0xff;
      }
    }
    return out;
  }
}
