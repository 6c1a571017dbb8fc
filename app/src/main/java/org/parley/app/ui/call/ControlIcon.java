package org.parley.app.ui.call;

import java.awt.BasicStroke;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import org.parley.app.ui.PaintedIcon;

/**
 * Small line icons for the call controls, drawn with Java2D in the button's foreground colour
 * (so they follow the theme and scale with HiDPI). Each {@link Glyph} is drawn on a 16 x 16 grid.
 */
final class ControlIcon extends PaintedIcon {
  /** The pictures. */
  enum Glyph { MIC, MIC_OFF, CAMERA, CAMERA_OFF, SWITCH, SPEAKER, SPEAKER_OFF, FIT, FULL_SCREEN, CHAT, STATS, HANG_UP }

  private static final int SIZE = 16;
  private final Glyph glyph;

  ControlIcon(Glyph glyph) {
    super(SIZE);
    this.glyph = glyph;
  }

  Glyph glyph() {
    return glyph;
  }

  @Override
  protected void paint(Component c, Graphics2D g2, int x, int y) {
    g2.translate(x, y);
    g2.setColor(c == null ? java.awt.Color.DARK_GRAY : c.getForeground());
    g2.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    draw(g2);
  }

  private void draw(Graphics2D g) {
    switch (glyph) {
      case MIC, MIC_OFF -> {
        g.draw(new RoundRectangle2D.Double(5.5, 1.5, 5, 8.5, 5, 5));
        g.draw(new Arc2D.Double(3, 4, 10, 9, 180, 180, Arc2D.OPEN));
        g.draw(new Line2D.Double(8, 13, 8, 15));
        slashIf(g, glyph == Glyph.MIC_OFF);
      }
      case CAMERA, CAMERA_OFF -> {
        g.draw(new RoundRectangle2D.Double(1.5, 4, 9, 8, 2, 2));
        Path2D lens = new Path2D.Double();
        lens.moveTo(10.5, 7);
        lens.lineTo(14.5, 5);
        lens.lineTo(14.5, 11);
        lens.lineTo(10.5, 9);
        g.draw(lens);
        slashIf(g, glyph == Glyph.CAMERA_OFF);
      }
      case SWITCH -> {
        g.draw(new Arc2D.Double(2.5, 2.5, 11, 11, 30, 150, Arc2D.OPEN));
        g.draw(new Arc2D.Double(2.5, 2.5, 11, 11, 210, 150, Arc2D.OPEN));
        g.draw(new Line2D.Double(2.5, 8, 1, 6));
        g.draw(new Line2D.Double(2.5, 8, 4.5, 6.5));
        g.draw(new Line2D.Double(13.5, 8, 15, 10));
        g.draw(new Line2D.Double(13.5, 8, 11.5, 9.5));
      }
      case SPEAKER, SPEAKER_OFF -> {
        Path2D cone = new Path2D.Double();
        cone.moveTo(1.5, 6);
        cone.lineTo(4.5, 6);
        cone.lineTo(8.5, 2.5);
        cone.lineTo(8.5, 13.5);
        cone.lineTo(4.5, 10);
        cone.lineTo(1.5, 10);
        cone.closePath();
        g.draw(cone);
        if (glyph == Glyph.SPEAKER) {
          g.draw(new Arc2D.Double(7, 5, 5, 6, -60, 120, Arc2D.OPEN));
          g.draw(new Arc2D.Double(7, 2.5, 8, 11, -60, 120, Arc2D.OPEN));
        } else {
          g.draw(new Line2D.Double(10.5, 6, 14.5, 10));
          g.draw(new Line2D.Double(14.5, 6, 10.5, 10));
        }
      }
      case FIT -> {
        g.draw(new RoundRectangle2D.Double(1.5, 3.5, 13, 9, 2, 2));
        g.fill(new RoundRectangle2D.Double(4.5, 5.5, 7, 5, 1, 1));
      }
      case FULL_SCREEN -> {
        corner(g, 1.5, 1.5, 1, 1);
        corner(g, 14.5, 1.5, -1, 1);
        corner(g, 1.5, 14.5, 1, -1);
        corner(g, 14.5, 14.5, -1, -1);
      }
      case CHAT -> {
        Path2D bubble = new Path2D.Double();
        bubble.append(new RoundRectangle2D.Double(1.5, 2.5, 13, 9, 4, 4), false);
        g.draw(bubble);
        Path2D tail = new Path2D.Double();
        tail.moveTo(4.5, 11.5);
        tail.lineTo(3.5, 14.5);
        tail.lineTo(7.5, 11.5);
        g.draw(tail);
      }
      case STATS -> {
        g.draw(new Line2D.Double(3, 14, 3, 9));
        g.draw(new Line2D.Double(6.5, 14, 6.5, 5));
        g.draw(new Line2D.Double(10, 14, 10, 7));
        g.draw(new Line2D.Double(13.5, 14, 13.5, 2));
      }
      case HANG_UP -> {
        Path2D handset = new Path2D.Double();
        handset.moveTo(1.5, 10);
        handset.curveTo(1.5, 5.5, 14.5, 5.5, 14.5, 10);
        handset.lineTo(11.5, 11);
        handset.lineTo(10.5, 8.5);
        handset.curveTo(9, 8, 7, 8, 5.5, 8.5);
        handset.lineTo(4.5, 11);
        handset.closePath();
        g.fill(handset);
      }
    }
  }

  private static void slashIf(Graphics2D g, boolean on) {
    if (on) {
      g.draw(new Line2D.Double(2, 2, 14, 14));
    }
  }

  private static void corner(Graphics2D g, double x, double y, int dx, int dy) {
    g.draw(new Line2D.Double(x, y, x + 4 * dx, y));
    g.draw(new Line2D.Double(x, y, x, y + 4 * dy));
  }
}
