package org.parley.app.ui.history;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.parley.app.ui.CallActions;
import org.parley.sdk.call.CallDirection;

/**
 * One call in the history list: direction icon, the peer's name, what happened (missed calls in
 * the theme's error colour), video or voice, time, talking time, and two call-back buttons that
 * ask {@link CallActions#placeCall} for a video or a voice call. Components are named {@code
 * history.row.<index>}, {@code history.callback.video.<index>} and {@code
 * history.callback.voice.<index>}.
 */
final class HistoryRow extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);

  HistoryRow(int index, CallRecordEntry e, String name, HistoryText.Group group, ZoneId zone, CallActions actions) {
    super(new BorderLayout(10, 0));
    setName("history.row." + index);
    setOpaque(false);
    setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 8));

    JLabel icon = new JLabel(new HistoryIcons.Direction(e.direction() == CallDirection.IN, e.missed(), 16));
    icon.setName("history.icon." + index);
    icon.getAccessibleContext().setAccessibleName(e.direction() == CallDirection.IN ? "Incoming" : "Outgoing");
    add(icon, BorderLayout.WEST);

    JPanel text = new JPanel();
    text.setOpaque(false);
    text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
    JLabel who = new JLabel(name);
    who.setName("history.name." + index);
    who.setFont(who.getFont().deriveFont(Font.BOLD));
    if (e.missed()) {
      who.putClientProperty("FlatLaf.styleClass", "errorText");
      who.setForeground(HistoryIcons.errorColor());
    }
    JLabel detail = new JLabel(HistoryText.detail(e));
    detail.setName("history.detail." + index);
    detail.putClientProperty("FlatLaf.styleClass", e.missed() ? "errorText" : "secondary");
    if (e.missed()) {
      detail.setForeground(HistoryIcons.errorColor());
    }
    text.add(who);
    text.add(detail);
    add(text, BorderLayout.CENTER);

    JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
    right.setOpaque(false);
    JLabel time = new JLabel(HistoryText.time(e, group, zone));
    time.setName("history.time." + index);
    time.putClientProperty("FlatLaf.styleClass", "secondary");
    ZonedDateTime at = e.beginTime().atZone(zone);
    time.setToolTipText(FULL.format(at));
    right.add(time);
    right.add(Box.createHorizontalStrut(6));
    right.add(callBack("history.callback.video." + index, new HistoryIcons.Camera(16), "Video call " + name,
        () -> actions.placeCall(e.peerUserId(), true)));
    right.add(callBack("history.callback.voice." + index, new HistoryIcons.Handset(16), "Voice call " + name,
        () -> actions.placeCall(e.peerUserId(), false)));
    add(right, BorderLayout.EAST);
    setToolTipText(e.description().isEmpty() ? null : e.description());
  }

  private static JButton callBack(String name, javax.swing.Icon icon, String tip, Runnable action) {
    JButton b = new JButton(icon);
    b.setName(name);
    b.setToolTipText(tip);
    b.getAccessibleContext().setAccessibleName(tip);
    b.putClientProperty("JButton.buttonType", "toolBarButton");
    b.setFocusable(true);
    b.addActionListener(ev -> action.run());
    return b;
  }
}
