package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.parley.media.video.RenderMode;

class PixelBufferVideoTest {
  @Test
  void sizesTheBufferThenPaintsTheBgraPicture() throws Exception {
    RecordingView view = new RecordingView();
    int w = 4;
    int h = 2;
    byte[] bgra = new byte[w * h * 4];
    for (int i = 0; i < w * h; i++) {
      // left half red, right half blue (B, G, R, A)
      boolean left = i % w < w / 2;
      bgra[i * 4] = (byte) (left ? 0 : 0xff);
      bgra[i * 4 + 1] = 0x10;
      bgra[i * 4 + 2] = (byte) (left ? 0xff : 0);
      bgra[i * 4 + 3] = (byte) 0xff;
    }
    int[] rgb = new int[2];
    SwingUtilities.invokeAndWait(() -> {
      PixelBufferVideo video = new PixelBufferVideo(view, view, RenderMode.FULL_CONTENT);
      video.setSize(5, 2); // odd width: the buffer is made even
      video.start();
      video.refresh(); // first tick: sizes the buffer
      view.offer(bgra);
      video.refresh(); // second: copies and converts
      BufferedImage out = new BufferedImage(5, 2, BufferedImage.TYPE_INT_RGB);
      video.paint(out.getGraphics());
      rgb[0] = out.getRGB(0, 1) & 0xffffff;
      rgb[1] = out.getRGB(3, 0) & 0xffffff;
      video.setRenderMode(RenderMode.FULL_SCREEN);
      video.stop();
    });
    assertEquals(0xff1000, rgb[0]);
    assertEquals(0x0010ff, rgb[1]);
    assertEquals(List.of("start buffer FULL_CONTENT", "size 4x2", "start buffer FULL_SCREEN", "stop"), view.calls());
  }
}
