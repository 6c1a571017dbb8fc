package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.parley.media.video.RenderMode;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallState;

class CallControlBarTest {
  @Test
  void everyButtonIsNamedAndReportsItsControl() throws Exception {
    List<CallControlBar.Control> pressed = new ArrayList<>();
    SwingUtilities.invokeAndWait(() -> {
      CallControlBar bar = new CallControlBar(pressed::add);
      for (CallControlBar.Control c : CallControlBar.Control.values()) {
        assertNotNull(bar.button(c), c.name());
        assertEquals(c.componentName(), bar.button(c).getName());
        bar.button(c).doClick();
      }
    });
    assertEquals(List.of(CallControlBar.Control.values()), pressed);
  }

  @Test
  void togglesShowTheCallNotTheClick() throws Exception {
    boolean[] seen = new boolean[6];
    String[] text = new String[3];
    SwingUtilities.invokeAndWait(() -> {
      CallControlBar bar = new CallControlBar(c -> {});
      bar.update(Items.call(CallDirection.OUT, CallState.PENDING).build());
      text[0] = bar.button(CallControlBar.Control.HANG_UP).getText();
      bar.update(Items.talking(Items.T0).toBuilder().microphoneMuted(true).uploadVideoSelf(false).build());
      seen[0] = bar.button(CallControlBar.Control.MUTE).isSelected();
      seen[1] = bar.button(CallControlBar.Control.CAMERA).isSelected();
      seen[2] = bar.button(CallControlBar.Control.SPEAKER).isSelected();
      text[1] = bar.button(CallControlBar.Control.HANG_UP).getText();
      bar.update(Items.talking(Items.T0).toBuilder().video(false).build());
      seen[3] = bar.button(CallControlBar.Control.CAMERA).isEnabled();
      seen[4] = bar.button(CallControlBar.Control.MUTE).isSelected();
      bar.setPanels(false, true, 3);
      text[2] = bar.button(CallControlBar.Control.CHAT).getText();
      seen[5] = bar.button(CallControlBar.Control.STATS).isSelected();
    });
    assertEquals("Cancel", text[0]);
    assertTrue(seen[0], "muted");
    assertTrue(seen[1], "camera off");
    assertFalse(seen[2], "speaker on");
    assertEquals("Hang up", text[1]);
    assertFalse(seen[3], "no camera button in a voice call");
    assertFalse(seen[4]);
    assertEquals("Chat (3)", text[2]);
    assertTrue(seen[5]);
  }

  @Test
  void wrapsIntoMoreRowsWhenNarrow() throws Exception {
    int[] heights = new int[2];
    SwingUtilities.invokeAndWait(() -> {
      javax.swing.JPanel parent = new javax.swing.JPanel(new java.awt.BorderLayout());
      CallControlBar bar = new CallControlBar(c -> {});
      parent.add(bar);
      int full = bar.getPreferredSize().width;
      parent.setSize(full + 10, 200);
      heights[0] = bar.getPreferredSize().height;
      parent.setSize(full / 2, 200);
      heights[1] = bar.getPreferredSize().height;
      parent.doLayout();
      bar.doLayout();
      for (java.awt.Component c : bar.getComponents()) {
        assertTrue(c.getY() + c.getHeight() <= heights[1], c.getName() + " fits in the bar");
      }
    });
    assertTrue(heights[1] >= 2 * heights[0] - 10, heights[0] + " -> " + heights[1]);
  }

  @Test
  void renderModeCycles() {
    assertEquals(RenderMode.FULL_SCREEN, CallControlBar.next(RenderMode.FULL_CONTENT));
    assertEquals(RenderMode.AUTO, CallControlBar.next(RenderMode.FULL_SCREEN));
    assertEquals(RenderMode.FULL_CONTENT, CallControlBar.next(RenderMode.AUTO));
    assertEquals("Fit", CallControlBar.modeName(RenderMode.FULL_CONTENT));
    assertEquals("Fill", CallControlBar.modeName(RenderMode.FULL_SCREEN));
  }
}
