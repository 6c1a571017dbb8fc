package org.parley.app.ui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import javax.swing.UIManager;

/**
 * A small round dot showing how the app stands with the server: green (connected), amber
 * (connecting or starting), grey (offline). Colours come from the theme ({@code
 * Parley.presence.*}) at paint time, so a theme switch recolours it. Mutable; EDT only.
 */
final class StatusDot extends PaintedIcon {
  /** What the dot shows. */
  enum Level {
    ONLINE("Parley.presence.online", new Color(0x1f9d55)),
    WAITING("Parley.presence.busy", new Color(0xd97706)),
    OFFLINE("Parley.presence.offline", new Color(0x9aa1ab));

    private final String key;
    private final Color fallback;

    Level(String key, Color fallback) {
      this.key = key;
      this.fallback = fallback;
    }

    Color color() {
      Color c = UIManager.getColor(key);
      return c != null ? c : fallback;
    }
  }

  private final int size;
  private Level level = Level.OFFLINE;

  StatusDot(int size) {
    super(size);
    this.size = size;
  }

  Level level() {
    return level;
  }

  void setLevel(Level level) {
    this.level = level;
  }

  @Override
  protected void paint(Component c, Graphics2D g2, int x, int y) {
    g2.setColor(level.color());
    g2.fillOval(x + 1, y + 1, size - 2, size - 2);
  }
}
