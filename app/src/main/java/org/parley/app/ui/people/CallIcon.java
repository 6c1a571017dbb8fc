package org.parley.app.ui.people;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import javax.swing.UIManager;
import org.parley.app.ui.PaintedIcon;

/**
 * Small vector icons for call buttons (a camera, a handset, a hung-up handset), drawn with
 * Java2D in the button's foreground colour (its disabled colour when the button is disabled),
 * so they follow the light and dark themes and scale with the UI.
 */
public final class CallIcon extends PaintedIcon {
  /** What the icon shows. */
  public enum Kind {
    /** A video camera: a video call. */
    VIDEO,
    /** A handset: a voice call. */
    VOICE,
    /** A handset lying down: decline or hang up. */
    HANG_UP
  }

  private final Kind kind;
  private final int size;

  /** An icon of {@code kind}, {@code size} pixels square. */
  public CallIcon(Kind kind, int size) {
    super(size);
    this.kind = kind;
    this.size = size;
  }

  /** What this icon shows. */
  public Kind kind() {
    return kind;
  }

  @Override
  protected void paint(Component c, Graphics2D g2, int x, int y) {
    g2.setColor(colorFor(c));
    g2.translate(x, y);
    g2.scale(size / 16.0, size / 16.0);
    switch (kind) {
      case VIDEO -> paintCamera(g2);
      case VOICE -> paintHandset(g2, -135);
      case HANG_UP -> paintHandset(g2, 0);
      default -> throw new IllegalStateException("unknown icon " + kind);
    }
  }

  private static Color colorFor(Component c) {
    if (c != null && !c.isEnabled()) {
      Color d = UIManager.getColor("Button.disabledText");
      return d != null ? d : Color.GRAY;
    }
    return c != null && c.getForeground() != null ? c.getForeground() : Color.DARK_GRAY;
  }

  /** A rounded body with a lens wedge on its right, in a 16x16 box. */
  private static void paintCamera(Graphics2D g2) {
    g2.fill(new RoundRectangle2D.Double(1, 4, 10, 8, 3, 3));
    Path2D lens = new Path2D.Double();
    lens.moveTo(11.5, 7);
    lens.lineTo(15, 4.5);
    lens.lineTo(15, 11.5);
    lens.lineTo(11.5, 9);
    lens.closePath();
    g2.fill(lens);
  }

  /**
   * A handset: an arched handle over an ear pad and a mouth pad (lying flat, pads down, as on a
   * hung-up phone), turned by {@code degrees} around the box centre; -135 stands it up with the
   * ear at the top left, the usual call symbol.
   */
  private static void paintHandset(Graphics2D g2, double degrees) {
    g2.rotate(Math.toRadians(degrees), 8, 8);
    g2.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g2.draw(new Arc2D.Double(2.5, 4.8, 11, 8.4, 20, 140, Arc2D.OPEN));
    g2.fill(new RoundRectangle2D.Double(0.6, 7.4, 4.6, 4.2, 2, 2));
    g2.fill(new RoundRectangle2D.Double(10.8, 7.4, 4.6, 4.2, 2, 2));
  }
}
