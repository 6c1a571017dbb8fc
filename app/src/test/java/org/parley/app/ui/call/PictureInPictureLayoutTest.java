package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.stream.Stream;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PictureInPictureLayoutTest {
  static Stream<Arguments> sizes() {
    return Stream.of(
        // area, expected pip: a quarter of the width, 4:3, 12 px from the bottom-right corner
        Arguments.of("960x540", new Rectangle(0, 0, 960, 540), new Rectangle(708, 348, 240, 180)),
        Arguments.of("capped at 320", new Rectangle(0, 0, 1920, 1080), new Rectangle(1588, 828, 320, 240)),
        Arguments.of("at least 96", new Rectangle(0, 0, 300, 300), new Rectangle(192, 216, 96, 72)),
        Arguments.of("offset area", new Rectangle(10, 20, 640, 480), new Rectangle(478, 368, 160, 120)),
        Arguments.of("too small", new Rectangle(0, 0, 50, 30), new Rectangle(12, 12, 26, 6)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sizes")
  void pipBounds(String name, Rectangle area, Rectangle expected) {
    assertEquals(expected, PictureInPictureLayout.pipBounds(area));
  }

  @Test
  void relayoutOnResizeKeepsMainFullAndPipInTheCorner() {
    JPanel parent = new JPanel(new PictureInPictureLayout());
    JPanel pip = new JPanel();
    JPanel main = new JPanel();
    parent.add(pip, PictureInPictureLayout.PIP);
    parent.add(main, PictureInPictureLayout.MAIN);
    for (int[] size : new int[][] {{800, 600}, {1280, 720}, {400, 300}}) {
      parent.setSize(size[0], size[1]);
      parent.doLayout();
      assertEquals(new Rectangle(0, 0, size[0], size[1]), main.getBounds());
      Rectangle p = pip.getBounds();
      assertEquals(size[0] - PictureInPictureLayout.MARGIN, p.x + p.width, "right edge at " + size[0]);
      assertEquals(size[1] - PictureInPictureLayout.MARGIN, p.y + p.height, "bottom edge at " + size[1]);
      assertTrue(main.getBounds().contains(p));
    }
    assertEquals(pip, parent.getComponent(0), "the preview is first, so on top");
  }

  @Test
  void unknownConstraintIsRefused() {
    JPanel parent = new JPanel(new PictureInPictureLayout());
    assertThrows(IllegalArgumentException.class, () -> parent.add(new JPanel(), "middle"));
  }
}
