package org.parley.app.ui.people;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import javax.swing.UIManager;
import org.parley.app.ui.PaintedIcon;

/**
 * The coloured dot before a presence word. Colours come from the theme keys {@code
 * Parley.presence.online}, {@code Parley.presence.busy} and {@code Parley.presence.offline};
 * where a theme does not define them a neutral default (green, red, grey) is used.
 */
public final class PresenceDot extends PaintedIcon {
  private static final int SIZE = 10;

  private final Presence presence;

  /** The dot for {@code presence}. */
  public PresenceDot(Presence presence) {
    super(SIZE);
    this.presence = presence;
  }

  /** The colour the dot is drawn in under the current theme. */
  public Color color() {
    Color themed = UIManager.getColor("Parley.presence." + presence.wireName());
    if (themed != null) {
      return themed;
    }
    return switch (presence) {
      case ONLINE -> new Color(0x2E, 0xA0, 0x43);
      case BUSY -> new Color(0xCF, 0x2E, 0x2E);
      case OFFLINE -> new Color(0x8C, 0x8C, 0x8C);
    };
  }

  @Override
  protected void paint(Component c, Graphics2D g2, int x, int y) {
    g2.setColor(color());
    if (presence == Presence.OFFLINE) {
      g2.drawOval(x + 1, y + 1, SIZE - 3, SIZE - 3); // hollow: offline is not just a colour
    } else {
      g2.fillOval(x + 1, y + 1, SIZE - 2, SIZE - 2);
    }
  }
}
