package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.parley.media.video.RenderMode;

/** The canvas takes its native handle once shown, and a new one after being re-created. */
class VideoSurfaceTest {
  private static void settle() throws Exception {
    for (int i = 0; i < 3; i++) {
      SwingUtilities.invokeAndWait(() -> {});
    }
  }

  @Test
  void startsWithTheHandleAndRestartsAfterReAdding() throws Exception {
    RecordingView view = new RecordingView();
    AtomicReference<JFrame> frame = new AtomicReference<>();
    AtomicReference<VideoSurface> surface = new AtomicReference<>();
    long[] handles = new long[2];
    try {
      SwingUtilities.invokeAndWait(() -> {
        VideoSurface s = new VideoSurface(view, RenderMode.FULL_CONTENT, (v, reason) -> {
          throw new AssertionError("Xvfb has native windows: " + reason);
        });
        JFrame f = new JFrame("surface");
        f.add(s);
        f.setSize(200, 150);
        f.setVisible(true);
        frame.set(f);
        surface.set(s);
      });
      settle();
      SwingUtilities.invokeAndWait(() -> {
        handles[0] = surface.get().handle();
        surface.get().setRenderMode(RenderMode.AUTO);
        frame.get().dispose(); // as the full-screen toggle does
        frame.get().setVisible(true);
      });
      settle();
      SwingUtilities.invokeAndWait(() -> {
        handles[1] = surface.get().handle();
        surface.get().detach();
        surface.get().detach(); // twice is harmless
      });
    } finally {
      SwingUtilities.invokeAndWait(() -> frame.get().dispose());
    }
    assertTrue(handles[0] != 0 && handles[1] != 0, view.toString());
    assertNotEquals(handles[0], handles[1], "a re-created canvas has a new window");
    assertEquals(List.of(
        "start window FULL_CONTENT " + handles[0],
        "start window AUTO " + handles[0],
        "stop",
        "start window AUTO " + handles[1],
        "stop"), view.calls());
  }
}
