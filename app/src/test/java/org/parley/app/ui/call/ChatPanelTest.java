package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class ChatPanelTest {
  /** Records what the panel asked for; refuses sending when told to. */
  private static final class Recorder implements ChatPanel.Listener {
    final List<String> sent = new ArrayList<>();
    final List<Integer> unread = new ArrayList<>();
    boolean refuse;

    @Override
    public boolean onSend(String text) {
      if (refuse) {
        return false;
      }
      sent.add(text);
      return true;
    }

    @Override
    public void onUnreadChanged(int count) {
      unread.add(count);
    }
  }

  private static <T> T find(java.awt.Container root, String name, Class<T> type) {
    for (java.awt.Component c : root.getComponents()) {
      if (name.equals(c.getName())) {
        return type.cast(c);
      }
      if (c instanceof java.awt.Container k) {
        T found = find(k, name, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Test
  void sendGoesToTheListenerAndIsListed() throws Exception {
    Recorder r = new Recorder();
    FakeClock clock = new FakeClock(Items.T0);
    List<ChatMessage> listed = new ArrayList<>();
    String[] field = new String[2];
    SwingUtilities.invokeAndWait(() -> {
      ChatPanel chat = new ChatPanel(clock, r);
      JTextField input = find(chat, "call.chat.input", JTextField.class);
      input.setText("  hello bob  ");
      find(chat, "call.chat.send", JButton.class).doClick();
      field[0] = input.getText();
      input.setText("   ");
      input.postActionEvent(); // Enter on a blank line sends nothing
      r.refuse = true;
      input.setText("too long");
      input.postActionEvent();
      field[1] = input.getText();
      listed.addAll(chat.messages());
    });
    assertEquals(List.of("hello bob"), r.sent);
    assertEquals("", field[0]);
    assertEquals("too long", field[1], "a refused message stays in the field");
    assertEquals(1, listed.size());
    assertEquals(new ChatMessage("You", Items.T0, "hello bob", true), listed.get(0));
  }

  @Test
  void receivedMessagesCountUnreadWhileHidden() throws Exception {
    Recorder r = new Recorder();
    FakeClock clock = new FakeClock(Items.T0);
    int[] counts = new int[3];
    List<ChatMessage> listed = new ArrayList<>();
    SwingUtilities.invokeAndWait(() -> {
      ChatPanel chat = new ChatPanel(clock, r);
      chat.add(new ChatMessage("Bob", clock.instant(), "hi", false));
      clock.advance(Duration.ofMinutes(1));
      chat.add(new ChatMessage("Bob", clock.instant(), "are you there?", false));
      counts[0] = chat.unread();
      chat.setShown(true);
      counts[1] = chat.unread();
      chat.add(new ChatMessage("Bob", clock.instant(), "ok", false));
      counts[2] = chat.unread();
      listed.addAll(chat.messages());
    });
    assertEquals(2, counts[0]);
    assertEquals(0, counts[1]);
    assertEquals(0, counts[2], "read at once while shown");
    assertEquals(List.of(1, 2, 0), r.unread);
    assertEquals(List.of("hi", "are you there?", "ok"), listed.stream().map(ChatMessage::text).toList());
    assertFalse(listed.get(0).mine());
  }

  @Test
  void rendererShowsWhoWhenAndEscapedText() throws Exception {
    FakeClock clock = new FakeClock(Items.T0); // 10:00 UTC
    String[] text = new String[1];
    SwingUtilities.invokeAndWait(() -> {
      ChatPanel chat = new ChatPanel(clock, new Recorder());
      chat.add(new ChatMessage("Bob", clock.instant(), "1 < 2 & <b>", false));
      @SuppressWarnings("unchecked")
      javax.swing.JList<ChatMessage> list = find(chat, "call.chat.messages", javax.swing.JList.class);
      JLabel cell = (JLabel) list.getCellRenderer().getListCellRendererComponent(list, list.getModel().getElementAt(0), 0,
          false, false);
      text[0] = cell.getText();
    });
    assertTrue(text[0].contains("<b>Bob</b> · 10:00"), text[0]);
    assertTrue(text[0].contains("1 &lt; 2 &amp; &lt;b&gt;"), text[0]);
  }
}
