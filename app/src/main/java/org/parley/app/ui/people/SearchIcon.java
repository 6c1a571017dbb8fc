package org.parley.app.ui.people;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import javax.swing.UIManager;
import org.parley.app.ui.PaintedIcon;

/** A small magnifying glass for the search field, in the theme's placeholder colour. */
final class SearchIcon extends PaintedIcon {
  private static final int SIZE = 14;

  SearchIcon() {
    super(SIZE);
  }

  @Override
  protected void paint(Component c, Graphics2D g2, int x, int y) {
    Color color = UIManager.getColor("TextField.placeholderForeground");
    g2.setColor(color != null ? color : Color.GRAY);
    g2.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g2.drawOval(x + 1, y + 1, 8, 8);
    g2.drawLine(x + 8, y + 8, x + 12, y + 12);
  }
}
