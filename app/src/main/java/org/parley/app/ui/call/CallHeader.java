package org.parley.app.ui.call;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallState;

/**
 * The line above the video: who the call is with, its state or timer ({@link CallTimerLabel}),
 * the network-quality bars and badges for what the peer did ("Bob muted their microphone", "Bob
 * turned their camera off", on hold). Event thread only.
 */
final class CallHeader extends JPanel {
  private static final long serialVersionUID = 1L;

  private final String peerName;
  private final CallTimerLabel timer;
  private final QualityIndicator quality = new QualityIndicator();
  private final JLabel badges = new JLabel();

  CallHeader(String peerName, Clock clock) {
    super(new BorderLayout(12, 0));
    this.peerName = peerName;
    this.timer = new CallTimerLabel(clock);
    setName("call.header");
    putClientProperty(CallControlBar.STYLE_CLASS, "parleyHeader");
    setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    JLabel name = new JLabel(peerName);
    name.setName("call.peer");
    name.setFont(name.getFont().deriveFont(Font.BOLD, name.getFont().getSize2D() * 1.25f));
    JPanel left = new JPanel();
    left.setLayout(new BoxLayout(left, BoxLayout.X_AXIS));
    left.setOpaque(false);
    left.add(name);
    left.add(Box.createHorizontalStrut(12));
    left.add(timer);
    badges.setName("call.badges");
    JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
    right.setOpaque(false);
    right.add(badges);
    right.add(quality);
    add(left, BorderLayout.WEST);
    add(right, BorderLayout.EAST);
  }

  CallTimerLabel timer() {
    return timer;
  }

  QualityIndicator quality() {
    return quality;
  }

  /** The badge text shown now ("" for none). */
  String badgeText() {
    return badges.getText();
  }

  void update(CallItem item) {
    timer.setItem(item);
    quality.setQuality(item.uploadQuality(), item.downloadQuality());
    String text = String.join(" · ", badges(peerName, item));
    badges.setText(text);
    badges.setVisible(!text.isEmpty());
  }

  /** What the peer did that the user should see, in words. */
  static List<String> badges(String peerName, CallItem item) {
    List<String> out = new ArrayList<>();
    if (item.state() != CallState.TALKING) {
      return out;
    }
    if (item.otherHeld()) {
      out.add(peerName + " put the call on hold");
    }
    if (item.held()) {
      out.add("You put the call on hold");
    }
    if (item.otherMicrophoneMuted()) {
      out.add(peerName + " muted their microphone");
    }
    if (item.video() && !item.uploadVideoOther()) {
      out.add(peerName + " turned their camera off");
    }
    return out;
  }
}
