package org.parley.app.ui.incoming;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import org.parley.app.ui.people.Avatar;
import org.parley.app.ui.people.CallIcon;
import org.parley.sdk.call.CallItem;

/**
 * The notification of one incoming call: a small undecorated, always-on-top window in the
 * top-right corner of the screen with the caller's avatar and name, "Video call" or "Voice
 * call", and the buttons "Answer with video" (video calls only), "Answer with voice" and
 * "Decline" (named {@code incoming.video}, {@code incoming.voice}, {@code incoming.decline}).
 * It has no owner, so it shows even while the main window is minimised. A button press goes up
 * through {@link Listener} once (the buttons then disable); the caller closes the window.
 * Event thread only.
 */
final class IncomingCallWindow extends JDialog {
  private static final long serialVersionUID = 1L;
  static final int MARGIN = 16;
  static final int GAP = 10;

  /** What the user chose. */
  interface Listener {
    void onIncomingAnswer(CallItem item, boolean video);

    void onIncomingDecline(CallItem item);
  }

  private transient CallItem item;
  private final JButton answerVideo = new JButton("Answer with video", new CallIcon(CallIcon.Kind.VIDEO, 16));
  private final JButton answerVoice = new JButton("Answer with voice", new CallIcon(CallIcon.Kind.VOICE, 16));
  private final JButton decline = new JButton("Decline", new CallIcon(CallIcon.Kind.HANG_UP, 16));
  private final int slot;
  private boolean chosen;

  IncomingCallWindow(CallItem item, String callerName, int slot, Listener listener) {
    super((Window) null, "Incoming call from " + callerName, ModalityType.MODELESS);
    this.item = item;
    this.slot = slot;
    setName("incoming." + item.id());
    setUndecorated(true);
    setAlwaysOnTop(true);
    setAutoRequestFocus(true);
    setFocusableWindowState(true);
    setResizable(false);
    setDefaultCloseOperation(DO_NOTHING_ON_CLOSE); // closing means a choice: the buttons decide

    Avatar avatar = new Avatar(48);
    avatar.setPerson(item.peerUserId(), callerName);
    JLabel name = new JLabel(callerName);
    name.setName("incoming.name");
    name.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
    JLabel kind = new JLabel(item.video() ? "Video call" : "Voice call");
    kind.setName("incoming.kind");
    kind.putClientProperty(FlatClientProperties.STYLE_CLASS, "secondary");
    JPanel text = new JPanel(new GridLayout(2, 1));
    text.setOpaque(false);
    text.add(name);
    text.add(kind);
    JPanel who = new JPanel(new BorderLayout(12, 0));
    who.setOpaque(false);
    who.add(avatar, BorderLayout.WEST);
    who.add(text, BorderLayout.CENTER);

    answerVideo.setName("incoming.video");
    answerVoice.setName("incoming.voice");
    decline.setName("incoming.decline");
    answerVideo.putClientProperty(FlatClientProperties.STYLE_CLASS, "callAccept");
    answerVoice.putClientProperty(FlatClientProperties.STYLE_CLASS, "callAccept");
    decline.putClientProperty(FlatClientProperties.STYLE_CLASS, "callDecline");
    answerVideo.addActionListener(e -> choose(() -> listener.onIncomingAnswer(this.item, true)));
    answerVoice.addActionListener(e -> choose(() -> listener.onIncomingAnswer(this.item, false)));
    decline.addActionListener(e -> choose(() -> listener.onIncomingDecline(this.item)));
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
    buttons.setOpaque(false);
    if (item.video()) {
      buttons.add(answerVideo);
    }
    buttons.add(answerVoice);
    buttons.add(decline);

    JPanel content = new JPanel(new BorderLayout(0, 16));
    content.setName("incoming.content");
    content.setFocusable(true);
    Color line = UIManager.getColor("Component.borderColor");
    content.setBorder(BorderFactory.createCompoundBorder(
        BorderFactory.createLineBorder(line != null ? line : Color.GRAY),
        BorderFactory.createEmptyBorder(16, 16, 16, 16)));
    content.add(who, BorderLayout.CENTER);
    content.add(buttons, BorderLayout.SOUTH);
    setContentPane(content);
    pack();
    Dimension size = getSize();
    setSize(Math.max(size.width, 360), size.height);
  }

  /** The call shown (the latest snapshot). */
  CallItem item() {
    return item;
  }

  /** The stacking position: 0 is the top-right corner, 1 below it, and so on. */
  int slot() {
    return slot;
  }

  /** Keeps the newest snapshot, so an answer uses it. */
  void update(CallItem newer) {
    item = newer;
  }

  /**
   * Shows the window at its place, in front, and takes the keyboard focus for the window itself
   * rather than a button: a user typing elsewhere must not answer by pressing Space. Tab reaches
   * the buttons.
   */
  void present(GraphicsConfiguration screen) {
    setLocation(placeOn(screen));
    setVisible(true);
    toFront();
    getContentPane().requestFocus();
  }

  private void choose(Runnable action) {
    if (chosen) {
      return; // one choice per call, even with a double click
    }
    chosen = true;
    answerVideo.setEnabled(false);
    answerVoice.setEnabled(false);
    decline.setEnabled(false);
    action.run();
  }

  /** The top-left corner: the screen's top-right inside its insets (panels, docks), stacked by slot. */
  Point placeOn(GraphicsConfiguration screen) {
    GraphicsConfiguration gc = screen != null ? screen
        : GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration();
    Rectangle bounds = gc.getBounds();
    Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
    int x = bounds.x + bounds.width - in.right - MARGIN - getWidth();
    int y = bounds.y + in.top + MARGIN + slot * (getHeight() + GAP);
    return new Point(Math.max(bounds.x + in.left, x), y);
  }
}
