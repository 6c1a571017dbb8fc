package org.parley.app.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.UIManager;

/**
 * Parley's window icon, drawn with Java2D (no image files): a rounded square in the theme's
 * accent colour ({@code Parley.accent}) with a white video-camera glyph, at the usual sizes.
 */
final class AppIcon {
  private static final int[] SIZES = {16, 24, 32, 48, 64, 128};

  private AppIcon() {}

  /** The icon at every size, for {@code Window.setIconImages}; on the Swing event thread. */
  static List<Image> images() {
    Color accent = UIManager.getColor("Parley.accent");
    if (accent == null) {
      accent = new Color(0x2f6fde);
    }
    List<Image> out = new ArrayList<>();
    for (int s : SIZES) {
      out.add(draw(s, accent));
    }
    return out;
  }

  private static BufferedImage draw(int s, Color accent) {
    BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(accent);
      g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.45, s * 0.45));
      g.setColor(Color.WHITE);
      // Camera body and lens cone.
      g.fill(new RoundRectangle2D.Double(s * 0.17, s * 0.32, s * 0.44, s * 0.36, s * 0.12, s * 0.12));
      Path2D cone = new Path2D.Double();
      cone.moveTo(s * 0.63, s * 0.45);
      cone.lineTo(s * 0.83, s * 0.33);
      cone.lineTo(s * 0.83, s * 0.67);
      cone.lineTo(s * 0.63, s * 0.55);
      cone.closePath();
      g.fill(cone);
    } finally {
      g.dispose();
    }
    return img;
  }
}
