package org.parley.app.ui.people;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.util.function.BiConsumer;
import javax.accessibility.AccessibleContext;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.UIManager;

/**
 * One person in the people list: avatar, name, user id (or the echo test's hint), presence dot
 * and word, and a video-call and a voice-call button (disabled while the person is offline).
 * Only the two buttons are components; the rest is painted. The list recycles rows while
 * scrolling, so a row is re-bound to another person with {@link #bind}; its components are
 * then renamed {@code people.row.<user>}, {@code people.video.<user>} and {@code
 * people.voice.<user>} (for tests and automation). Event thread only.
 */
final class PeerRow extends JPanel {
  private static final long serialVersionUID = 1L;
  static final String ECHO_HINT = "Check your camera, microphone and network";
  private static final int AVATAR = 36;
  private static final int PAD_X = 12;
  private static final int PAD_Y = 6;
  private static final int GAP = 12;

  private String user = "";
  private final JButton video = new JButton(new CallIcon(CallIcon.Kind.VIDEO, 18));
  private final JButton voice = new JButton(new CallIcon(CallIcon.Kind.VOICE, 18));
  private transient PeerDirectory.Entry entry;
  private String initials = "?";
  private Color avatarColor = Avatar.colorOf("");
  private transient PresenceDot dot = new PresenceDot(Presence.OFFLINE);
  private boolean selected;
  private Dimension preferred;

  /** An unbound row; {@code call} receives (user, video) when a button is pressed. */
  PeerRow(BiConsumer<String, Boolean> call) {
    super(null);
    setOpaque(false);
    configure(video, () -> call.accept(user, true));
    configure(voice, () -> call.accept(user, false));
    add(video);
    add(voice);
  }

  private static void configure(JButton b, Runnable action) {
    b.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
    b.setFocusable(false); // the list handles the keyboard; 1000 tab stops help no one
    b.setMargin(new Insets(6, 6, 6, 6));
    b.addActionListener(e -> action.run());
  }

  String user() {
    return user;
  }

  PeerDirectory.Entry entry() {
    return entry;
  }

  /** The name line as shown. */
  String nameText() {
    return entry == null ? "" : entry.displayName();
  }

  /** The second line: the user id, or the echo test's hint. */
  String detailText() {
    return entry == null ? "" : entry.echo() ? ECHO_HINT : entry.user();
  }

  /** The presence word ("Available", "In a call", "Offline"). */
  String presenceText() {
    return entry == null ? "" : entry.presence().word();
  }

  /** The avatar's initials. */
  String initials() {
    return initials;
  }

  /** Shows {@code e}, re-binding the row to {@code e.user()} if needed; cheap when nothing changed. */
  void bind(PeerDirectory.Entry e) {
    if (!e.user().equals(user)) {
      user = e.user();
      entry = null;
      selected = false;
      setName("people.row." + user);
      video.setName("people.video." + user);
      voice.setName("people.voice." + user);
    }
    display(e);
  }

  private void display(PeerDirectory.Entry e) {
    if (e.equals(entry)) {
      return;
    }
    entry = e;
    initials = Avatar.initialsOf(e.displayName());
    avatarColor = Avatar.colorOf(e.user());
    dot = new PresenceDot(e.presence());
    boolean reachable = e.presence().reachable();
    video.setEnabled(reachable);
    voice.setEnabled(reachable);
    String who = e.displayName();
    video.setToolTipText(reachable ? "Video call " + who : who + " is offline");
    voice.setToolTipText(reachable ? "Voice call " + who : who + " is offline");
    video.getAccessibleContext().setAccessibleName("Video call " + who);
    voice.getAccessibleContext().setAccessibleName("Voice call " + who);
    AccessibleContext ac = getAccessibleContext();
    ac.setAccessibleName(who + ", " + e.presence().word());
    ac.setAccessibleDescription(detailText());
    repaint();
  }

  void setSelected(boolean s) {
    if (s != selected) {
      selected = s;
      repaint();
    }
  }

  boolean isSelected() {
    return selected;
  }

  JButton videoButton() {
    return video;
  }

  JButton voiceButton() {
    return voice;
  }

  private static Font font(String key, Font fallback) {
    Font f = UIManager.getFont(key);
    return f != null ? f : fallback;
  }

  private Font nameFont() {
    Font base = font("Label.font", getFont());
    return font("semibold.font", base.deriveFont(Font.BOLD));
  }

  private Font smallFont() {
    Font base = font("Label.font", getFont());
    return font("small.font", base.deriveFont(base.getSize2D() - 1));
  }

  @Override
  public void updateUI() {
    super.updateUI();
    preferred = null; // fonts may have changed with the theme
  }

  @Override
  public Dimension getPreferredSize() {
    if (preferred != null) {
      return new Dimension(preferred);
    }
    FontMetrics n = getFontMetrics(nameFont());
    FontMetrics s = getFontMetrics(smallFont());
    Dimension b = video.getPreferredSize();
    int h = Math.max(AVATAR, Math.max(b.height, n.getHeight() + s.getHeight())) + 2 * PAD_Y;
    int w = PAD_X + AVATAR + GAP + 160 + GAP + 100 + 2 * b.width + 8;
    preferred = new Dimension(w, h);
    return new Dimension(preferred);
  }

  @Override
  public Dimension getMaximumSize() {
    return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
  }

  @Override
  public void doLayout() {
    Dimension vb = voice.getPreferredSize();
    Dimension db = video.getPreferredSize();
    int right = getWidth() - 8;
    voice.setBounds(right - vb.width, (getHeight() - vb.height) / 2, vb.width, vb.height);
    video.setBounds(right - vb.width - 2 - db.width, (getHeight() - db.height) / 2, db.width, db.height);
  }

  @Override
  protected void paintComponent(Graphics g) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      if (selected) {
        Color bg = UIManager.getColor("List.selectionInactiveBackground");
        g2.setColor(bg != null ? bg : Color.LIGHT_GRAY);
        g2.fillRect(0, 0, getWidth(), getHeight());
        if (getParent() != null && getParent().isFocusOwner()) { // keyboard focus: an accent bar
          Color focus = UIManager.getColor("Component.focusColor");
          g2.setColor(focus != null ? focus : Color.BLUE);
          g2.fillRect(0, 0, 3, getHeight());
        }
      }
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Object aa = UIManager.get(RenderingHints.KEY_TEXT_ANTIALIASING);
      g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          aa != null ? aa : RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      int h = getHeight();
      // avatar
      int ay = (h - AVATAR) / 2;
      g2.setColor(avatarColor);
      g2.fillOval(PAD_X, ay, AVATAR, AVATAR);
      Font initialsFont = nameFont().deriveFont(Font.BOLD, AVATAR * (initials.length() > 1 ? 0.38f : 0.45f));
      FontMetrics im = g2.getFontMetrics(initialsFont);
      g2.setFont(initialsFont);
      g2.setColor(Color.WHITE);
      g2.drawString(initials, PAD_X + (AVATAR - im.stringWidth(initials)) / 2,
          ay + (AVATAR - im.getHeight()) / 2 + im.getAscent());
      // presence: dot and word, left of the buttons
      Font small = smallFont();
      FontMetrics sm = g2.getFontMetrics(small);
      String word = presenceText();
      int presenceRight = video.getX() - GAP;
      int presenceX = presenceRight - sm.stringWidth(word);
      int dotX = presenceX - 6 - dot.getIconWidth();
      Color fg = UIManager.getColor("Label.foreground");
      Color dim = UIManager.getColor("Label.disabledForeground");
      g2.setFont(small);
      g2.setColor(fg != null ? fg : Color.DARK_GRAY);
      g2.drawString(word, presenceX, (h - sm.getHeight()) / 2 + sm.getAscent());
      dot.paintIcon(this, g2, dotX, (h - dot.getIconHeight()) / 2);
      // name and detail, clipped before the presence
      int textX = PAD_X + AVATAR + GAP;
      int textW = Math.max(0, dotX - GAP - textX);
      Font nf = nameFont();
      FontMetrics nm = g2.getFontMetrics(nf);
      int top = (h - nm.getHeight() - sm.getHeight()) / 2;
      g2.setFont(nf);
      g2.setColor(fg != null ? fg : Color.DARK_GRAY);
      g2.drawString(clip(nameText(), nm, textW), textX, top + nm.getAscent());
      g2.setFont(small);
      g2.setColor(dim != null ? dim : Color.GRAY);
      g2.drawString(clip(detailText(), sm, textW), textX, top + nm.getHeight() + sm.getAscent());
    } finally {
      g2.dispose();
    }
  }

  /** {@code s} cut to {@code width} pixels with an ellipsis. */
  static String clip(String s, FontMetrics fm, int width) {
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    String ellipsis = "\u2026";
    int end = s.length();
    while (end > 0 && fm.stringWidth(s.substring(0, end)) + fm.stringWidth(ellipsis) > width) {
      end = s.offsetByCodePoints(end, -1);
    }
    return end == 0 ? "" : s.substring(0, end) + ellipsis;
  }
}
