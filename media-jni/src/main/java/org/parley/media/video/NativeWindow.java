package org.parley.media.video;

import java.awt.Component;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import org.parley.media.jni.NativeLibrary;
import org.parley.media.jni.ParleyCore;

/**
 * The native window (X11 drawable, HWND) behind a heavyweight AWT component such as a {@link
 * java.awt.Canvas}, for the core to draw into.
 */
public final class NativeWindow {
  private static boolean jawtLoaded;

  private NativeWindow() {}

  /**
   * Returns the component's native window id.
   *
   * <p>Preconditions: call on the AWT event thread; the component is displayable (its window has
   * been made visible). The id changes if the component is removed and added again: ask again
   * then. Paint nothing into the component from Java (override {@code paint} and {@code update}
   * as empty) or AWT will clear the video.
   *
   * @throws IllegalStateException when there is no native window to draw into (headless, macOS,
   *     not displayable), with the reason; render into a pixel buffer instead
   */
  public static long handleOf(Component component) {
    if (!EventQueue.isDispatchThread()) {
      throw new IllegalStateException("NativeWindow.handleOf must be called on the AWT event thread");
    }
    if (!component.isDisplayable()) {
      throw new IllegalStateException("the component is not displayable yet: show its window first");
    }
    loadJawt();
    try {
      return ParleyCore.windowHandleOf(component);
    } catch (RuntimeException e) {
      throw new IllegalStateException("no native window: " + e.getMessage(), e);
    }
  }

  private static synchronized void loadJawt() {
    if (jawtLoaded) {
      return;
    }
    if (GraphicsEnvironment.isHeadless()) {
      throw new IllegalStateException("no native window in a headless JVM");
    }
    NativeLibrary.load();
    // The core finds JAWT_GetAWT in the libjawt the JVM loaded; it never links libjawt itself.
    System.loadLibrary("jawt");
    jawtLoaded = true;
  }
}
