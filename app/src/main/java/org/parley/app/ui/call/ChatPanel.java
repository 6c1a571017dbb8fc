package org.parley.app.ui.call;

import java.awt.BorderLayout;
import java.awt.Component;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;

/**
 * The in-call chat: the messages so far (who, when, what) and a field to write one; Enter or Send
 * hands the text to the {@link Listener}. Messages that arrive while the panel is hidden count as
 * unread until it is shown again. Event thread only.
 */
final class ChatPanel extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** What the panel asks of its owner. */
  interface Listener {
    /**
     * The user wants to send {@code text} (never blank); returns whether it went (if not, the
     * owner has called {@link #setProblem}).
     */
    boolean onSend(String text);

    /** The number of unread messages changed (0 once the panel is shown). */
    void onUnreadChanged(int unread);
  }

  private final transient Clock clock;
  private final transient Listener listener;
  private final DefaultListModel<ChatMessage> messages = new DefaultListModel<>();
  private final JList<ChatMessage> list = new JList<>(messages);
  private final JTextField input = new JTextField();
  private final JButton send = new JButton("Send");
  private final JLabel problem = new JLabel();
  private int unread;
  private boolean shown;

  ChatPanel(Clock clock, Listener listener) {
    super(new BorderLayout(0, 6));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    setName("call.chatPanel");
    setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    list.setName("call.chat.messages");
    list.setCellRenderer(new Renderer(clock.getZone()));
    input.setName("call.chat.input");
    send.setName("call.chat.send");
    problem.setName("call.chat.problem");
    problem.putClientProperty(CallControlBar.STYLE_CLASS, "errorText");
    input.addActionListener(e -> send());
    send.addActionListener(e -> send());
    JPanel bottom = new JPanel(new BorderLayout(6, 0));
    bottom.add(problem, BorderLayout.NORTH);
    bottom.add(input, BorderLayout.CENTER);
    bottom.add(send, BorderLayout.EAST);
    add(new JScrollPane(list), BorderLayout.CENTER);
    add(bottom, BorderLayout.SOUTH);
  }

  /** Lists a message (ours or the peer's); counts it unread while the panel is hidden. */
  void add(ChatMessage message) {
    messages.addElement(message);
    list.ensureIndexIsVisible(messages.size() - 1);
    if (!shown && !message.mine()) {
      unread++;
      listener.onUnreadChanged(unread);
    }
  }

  /** Tells the panel whether the user sees it; showing it clears the unread count. */
  void setShown(boolean visible) {
    shown = visible;
    if (visible && unread > 0) {
      unread = 0;
      listener.onUnreadChanged(0);
    }
    if (visible) {
      input.requestFocusInWindow();
    }
  }

  int unread() {
    return unread;
  }

  /** Shows why the last message could not be sent (null or empty clears it). */
  void setProblem(String text) {
    problem.setText(text == null ? "" : text);
  }

  /** The messages listed, oldest first. */
  java.util.List<ChatMessage> messages() {
    return java.util.Collections.list(messages.elements());
  }

  private void send() {
    String text = input.getText().strip();
    if (text.isEmpty()) {
      return;
    }
    setProblem(null);
    if (!listener.onSend(text)) {
      return;
    }
    input.setText("");
    add(new ChatMessage("You", clock.instant(), text, true));
  }

  /** "Bob · 14:03" over the message text. */
  private static final class Renderer extends DefaultListCellRenderer {
    private static final long serialVersionUID = 1L;
    private final ZoneId zone;

    Renderer(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focused) {
      super.getListCellRendererComponent(list, value, index, selected, focused);
      if (value instanceof ChatMessage m) {
        setText("<html><b>" + escape(m.who()) + "</b> · " + TIME.format(m.at().atZone(zone))
            + "<br>" + escape(m.text()).replace("\n", "<br>") + "</html>");
      }
      return this;
    }
  }

  /** The text safe inside HTML. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
