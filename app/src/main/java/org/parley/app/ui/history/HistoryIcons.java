package org.parley.app.ui.history;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import javax.swing.UIManager;
import org.parley.app.ui.PaintedIcon;

/**
 * The history's small vector icons, drawn with Java2D so they stay sharp at any scale and follow
 * the theme: a diagonal arrow for the call's direction (in: down-left, out: up-right; missed ones
 * in the theme's error colour), a camera and a handset for the call-back buttons.
 */
final class HistoryIcons {
  private HistoryIcons() {}

  /** The theme's error colour: Parley's own, else FlatLaf's red action colour. */
  static Color errorColor() {
    Color c = UIManager.getColor("Parley.error.foreground");
    if (c == null) {
      c = UIManager.getColor("Actions.Red");
    }
    return c != null ? c : UIManager.getColor("Label.foreground");
  }

  private abstract static class Base extends PaintedIcon {
    final int size;

    Base(int size) {
      super(size);
      this.size = size;
    }

    Color color(Component c) {
      Color fg = c != null ? c.getForeground() : null;
      return fg != null ? fg : UIManager.getColor("Label.foreground");
    }

    @Override
    protected void paint(Component c, Graphics2D g2, int x, int y) {
      g2.translate(x, y);
      g2.scale(size / 16.0, size / 16.0);
      g2.setColor(color(c));
      g2.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      paint16(g2);
    }

    /** Paints in a 16 x 16 box. */
    abstract void paint16(Graphics2D g);
  }

  /** The call's direction; missed calls use the error colour. */
  static final class Direction extends Base {
    final boolean incoming;
    final boolean missed;

    Direction(boolean incoming, boolean missed, int size) {
      super(size);
      this.incoming = incoming;
      this.missed = missed;
    }

    @Override
    Color color(Component c) {
      return missed ? errorColor() : super.color(c);
    }

    @Override
    void paint16(Graphics2D g) {
      Path2D p = new Path2D.Double();
      if (incoming) {
        p.moveTo(13, 3);
        p.lineTo(3.5, 12.5);
        p.moveTo(3.5, 5.5);
        p.lineTo(3.5, 12.5);
        p.lineTo(10.5, 12.5);
      } else {
        p.moveTo(3, 13);
        p.lineTo(12.5, 3.5);
        p.moveTo(5.5, 3.5);
        p.lineTo(12.5, 3.5);
        p.lineTo(12.5, 10.5);
      }
      g.draw(p);
    }
  }

  /** A video camera. */
  static final class Camera extends Base {
    Camera(int size) {
      super(size);
    }

    @Override
    void paint16(Graphics2D g) {
      g.draw(new RoundRectangle2D.Double(1.5, 4, 9, 8, 3, 3));
      Path2D lens = new Path2D.Double();
      lens.moveTo(10.5, 7);
      lens.lineTo(14.5, 4.5);
      lens.lineTo(14.5, 11.5);
      lens.lineTo(10.5, 9);
      lens.closePath();
      g.fill(lens);
      g.draw(lens);
    }
  }

  /** A telephone handset. */
  static final class Handset extends Base {
    Handset(int size) {
      super(size);
    }

    @Override
    void paint16(Graphics2D g) {
      Path2D p = new Path2D.Double();
      p.moveTo(3, 2.5);
      p.lineTo(6, 2.5);
      p.lineTo(7, 5.5);
      p.lineTo(5.3, 6.8);
      p.curveTo(6.2, 8.6, 7.4, 9.8, 9.2, 10.7);
      p.lineTo(10.5, 9);
      p.lineTo(13.5, 10);
      p.lineTo(13.5, 13);
      p.curveTo(7.5, 13.5, 2.5, 8.5, 3, 2.5);
      p.closePath();
      g.fill(p);
    }
  }
}
