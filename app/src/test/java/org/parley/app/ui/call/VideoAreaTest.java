package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.parley.media.video.RenderMode;

class VideoAreaTest {
  @Test
  void switchesBetweenTextAndVideoAndShowsThePreviewOnTop() throws Exception {
    RecordingView other = new RecordingView();
    RecordingView self = new RecordingView();
    boolean[] seen = new boolean[4];
    SwingUtilities.invokeAndWait(() -> {
      VideoArea area = new VideoArea(other, self, RenderMode.FULL_CONTENT);
      area.setSize(800, 600);
      area.showWaiting("Calling Bob…");
      seen[0] = area.showsVideo();
      area.showVideo();
      seen[1] = area.showsVideo();
      area.setPreviewVisible(true);
      area.doLayout();
      java.awt.Component pip = area.getComponent(0);
      seen[2] = pip.isVisible() && pip.getBounds().equals(
          PictureInPictureLayout.pipBounds(new java.awt.Rectangle(0, 0, 800, 600)));
      area.setPreviewVisible(false);
      seen[3] = pip.isVisible();
    });
    assertFalse(seen[0]);
    assertTrue(seen[1]);
    assertTrue(seen[2], "the preview is the first (top) child, in the corner");
    assertFalse(seen[3]);
    assertEquals(List.of(), other.calls(), "nothing starts before the canvas has a window");
  }

  @Test
  void withoutNativeWindowsFallsBackToThePixelBuffer() throws Exception {
    RecordingView other = new RecordingView();
    RecordingView self = new RecordingView();
    boolean[] seen = new boolean[2];
    SwingUtilities.invokeAndWait(() -> {
      VideoArea area = new VideoArea(other, self, RenderMode.FULL_CONTENT);
      area.showVideo();
      area.onNoNativeWindow((VideoSurface) area.remoteVideo(), "headless");
      seen[0] = area.remoteVideo() instanceof PixelBufferVideo;
      seen[1] = area.showsVideo();
      area.setRenderMode(RenderMode.AUTO);
      area.stop();
    });
    assertTrue(seen[0]);
    assertTrue(seen[1], "still the video card");
    assertEquals(List.of("start buffer FULL_CONTENT", "start buffer AUTO", "stop"), other.calls());
    assertEquals(List.of(), self.calls());
  }
}
