package org.parley.app.ui.people;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * A round avatar with a person's initials on a colour derived from their user id, so the same
 * person always gets the same colour on every computer. Used by the people list and the
 * incoming-call window. Touch it on the Swing event thread only.
 */
public final class Avatar extends JComponent {
  private static final long serialVersionUID = 1L;

  private final int diameter;
  private String initials = "?";
  private Color color = colorOf("");

  /** An avatar {@code diameter} pixels across (before UI scaling, which Swing applies). */
  public Avatar(int diameter) {
    this.diameter = diameter;
    setOpaque(false);
    Dimension d = new Dimension(diameter, diameter);
    setPreferredSize(d);
    setMinimumSize(d);
    setMaximumSize(d);
  }

  /** Shows {@code displayName}'s initials on {@code userId}'s colour. */
  public void setPerson(String userId, String displayName) {
    String i = initialsOf(displayName == null || displayName.isBlank() ? userId : displayName);
    Color c = colorOf(userId);
    if (!i.equals(initials) || !c.equals(color)) {
      initials = i;
      color = c;
      repaint();
    }
  }

  /** The initials shown. */
  public String initials() {
    return initials;
  }

  /** The circle's colour. */
  public Color circleColor() {
    return color;
  }

  /**
   * Up to two initials: the first letters of the first and last words ("Ada Lovelace" is "AL",
   * "bob" is "B"); "?" when there is no letter or digit.
   */
  public static String initialsOf(String name) {
    if (name == null) {
      return "?";
    }
    String[] words = name.strip().split("[\\s._@-]+");
    StringBuilder b = new StringBuilder();
    for (String w : new String[] {first(words), words.length > 1 ? words[words.length - 1] : null}) {
      if (w == null) {
        continue;
      }
      int cp = w.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
      if (cp >= 0) {
        b.appendCodePoint(cp);
      }
    }
    return b.length() == 0 ? "?" : b.toString().toUpperCase(Locale.ROOT);
  }

  /**
   * A mid-tone colour for {@code userId}, readable under white text on light and dark themes:
   * the hue comes from a hash of the id (String.hashCode is specified, so stable everywhere).
   */
  public static Color colorOf(String userId) {
    int h = (userId == null ? 0 : userId.hashCode()) * 0x9E3779B1; // spread similar ids apart
    float hue = Math.floorMod(h >>> 8, 360) / 360f;
    return Color.getHSBColor(hue, 0.55f, 0.72f);
  }

  private static String first(String[] words) {
    return words.length > 0 && !words[0].isEmpty() ? words[0] : (words.length > 1 ? words[1] : null);
  }

  @Override
  protected void paintComponent(Graphics g) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      int size = Math.min(getWidth(), getHeight());
      int x = (getWidth() - size) / 2;
      int y = (getHeight() - size) / 2;
      g2.setColor(color);
      g2.fillOval(x, y, size, size);
      Font base = getFont() != null ? getFont() : g2.getFont();
      g2.setFont(base.deriveFont(Font.BOLD, Math.max(8f, size * (initials.length() > 1 ? 0.38f : 0.45f))));
      FontMetrics fm = g2.getFontMetrics();
      g2.setColor(Color.WHITE);
      g2.drawString(initials, x + (size - fm.stringWidth(initials)) / 2,
          y + (size - fm.getHeight()) / 2 + fm.getAscent());
    } finally {
      g2.dispose();
    }
  }

  @Override
  public String toString() {
    return "Avatar{" + initials + ", " + diameter + "px}";
  }
}
