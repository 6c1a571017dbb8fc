package org.parley.app.ui;

import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;

/**
 * An icon drawn with Java2D at a fixed size (the app ships no image files): subclasses paint
 * into an anti-aliased copy of the graphics, which is disposed afterwards, so they may change
 * its colour, stroke and transform freely.
 */
public abstract class PaintedIcon implements Icon {
  private final int width;
  private final int height;

  /** A square icon of {@code size} pixels. */
  protected PaintedIcon(int size) {
    this(size, size);
  }

  /** An icon of {@code width} x {@code height} pixels. */
  protected PaintedIcon(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** Paints the icon with its top-left corner at ({@code x}, {@code y}). */
  protected abstract void paint(Component c, Graphics2D g, int x, int y);

  @Override
  public final void paintIcon(Component c, Graphics g, int x, int y) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      paint(c, g2, x, y);
    } finally {
      g2.dispose();
    }
  }

  @Override
  public final int getIconWidth() {
    return width;
  }

  @Override
  public final int getIconHeight() {
    return height;
  }
}
