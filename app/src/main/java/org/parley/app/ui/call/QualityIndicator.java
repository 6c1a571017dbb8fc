package org.parley.app.ui.call;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import javax.swing.UIManager;
import org.parley.sdk.call.NetworkQuality;

/**
 * Network-quality bars for a call: four bars, as many lit as the worse of the upload and download
 * quality allows, with a tooltip in words ("Network: good (upload excellent, download good)").
 * Grey while unknown. Event thread only.
 */
final class QualityIndicator extends JComponent {
  private static final long serialVersionUID = 1L;
  static final int BARS = 4;

  private NetworkQuality quality = NetworkQuality.UNKNOWN;

  QualityIndicator() {
    setName("call.quality");
    setPreferredSize(new Dimension(22, 16));
    setToolTipText(tooltip(NetworkQuality.UNKNOWN, NetworkQuality.UNKNOWN));
  }

  /** Shows the worse of the two directions. */
  void setQuality(NetworkQuality upload, NetworkQuality download) {
    quality = worse(upload, download);
    setToolTipText(tooltip(upload, download));
    repaint();
  }

  NetworkQuality quality() {
    return quality;
  }

  /** The worse of two ratings; {@link NetworkQuality#UNKNOWN} only when both are unknown. */
  static NetworkQuality worse(NetworkQuality a, NetworkQuality b) {
    if (a == NetworkQuality.UNKNOWN) {
      return b;
    }
    if (b == NetworkQuality.UNKNOWN) {
      return a;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /** How many of the {@link #BARS} bars are lit: 4 excellent ... 0 very bad or unknown. */
  static int bars(NetworkQuality q) {
    return switch (q) {
      case EXCELLENT -> 4;
      case GOOD -> 3;
      case NORMAL -> 2;
      case BAD -> 1;
      case VERY_BAD, UNKNOWN -> 0;
    };
  }

  /** One word for a rating. */
  static String word(NetworkQuality q) {
    return switch (q) {
      case EXCELLENT -> "excellent";
      case GOOD -> "good";
      case NORMAL -> "fair";
      case BAD -> "poor";
      case VERY_BAD -> "very poor";
      case UNKNOWN -> "not measured yet";
    };
  }

  static String tooltip(NetworkQuality upload, NetworkQuality download) {
    NetworkQuality w = worse(upload, download);
    if (w == NetworkQuality.UNKNOWN) {
      return "Network: not measured yet";
    }
    return "Network: " + word(w) + " (upload " + word(upload) + ", download " + word(download) + ")";
  }

  @Override
  protected void paintComponent(Graphics g) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Color on = quality.ordinal() >= NetworkQuality.BAD.ordinal() && quality != NetworkQuality.UNKNOWN
          ? colour("Actions.Red", Color.RED)
          : colour("Actions.Green", new Color(0x2e7d32));
      Color off = colour("Label.disabledForeground", Color.GRAY);
      int lit = bars(quality);
      int gap = 2;
      int w = Math.max(2, (getWidth() - gap * (BARS - 1)) / BARS);
      for (int i = 0; i < BARS; i++) {
        int h = Math.max(2, getHeight() * (i + 1) / BARS);
        g2.setColor(i < lit ? on : off);
        g2.fillRoundRect(i * (w + gap), getHeight() - h, w, h, 2, 2);
      }
    } finally {
      g2.dispose();
    }
  }

  private static Color colour(String key, Color fallback) {
    Color c = UIManager.getColor(key);
    return c != null ? c : fallback;
  }
}
