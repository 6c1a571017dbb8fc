package org.parley.app.ui.call;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.LayoutManager2;
import java.awt.Rectangle;

/**
 * Lays out a call's video: the {@link #MAIN} component fills the container, the {@link #PIP}
 * component (the local preview) sits in the bottom-right corner at a quarter of the width
 * (between {@link #MIN_PIP_WIDTH} and {@link #MAX_PIP_WIDTH} pixels, 4:3), inset by {@link
 * #MARGIN}. Heavyweight components stack by index (index 0 on top), so the caller adds the
 * picture-in-picture first. Invisible components are skipped.
 */
public final class PictureInPictureLayout implements LayoutManager2 {
  /** Constraint for the large (remote) component. */
  public static final String MAIN = "main";
  /** Constraint for the small (local preview) component. */
  public static final String PIP = "pip";
  static final int MARGIN = 12;
  static final int MIN_PIP_WIDTH = 96;
  static final int MAX_PIP_WIDTH = 320;

  private Component main;
  private Component pip;

  @Override
  public void addLayoutComponent(Component comp, Object constraints) {
    if (PIP.equals(constraints)) {
      pip = comp;
    } else if (MAIN.equals(constraints)) {
      main = comp;
    } else {
      throw new IllegalArgumentException("constraint must be MAIN or PIP: " + constraints);
    }
  }

  @Override
  public void addLayoutComponent(String name, Component comp) {
    addLayoutComponent(comp, name);
  }

  @Override
  public void removeLayoutComponent(Component comp) {
    if (comp == main) {
      main = null;
    }
    if (comp == pip) {
      pip = null;
    }
  }

  /** Where the picture-in-picture goes inside {@code area} (public for tests and overlays). */
  public static Rectangle pipBounds(Rectangle area) {
    int width = Math.max(MIN_PIP_WIDTH, Math.min(MAX_PIP_WIDTH, area.width / 4));
    width = Math.min(width, Math.max(0, area.width - 2 * MARGIN));
    int height = width * 3 / 4;
    height = Math.min(height, Math.max(0, area.height - 2 * MARGIN));
    return new Rectangle(
        area.x + area.width - MARGIN - width, area.y + area.height - MARGIN - height, width, height);
  }

  @Override
  public void layoutContainer(Container parent) {
    Insets in = parent.getInsets();
    Rectangle area = new Rectangle(in.left, in.top,
        Math.max(0, parent.getWidth() - in.left - in.right),
        Math.max(0, parent.getHeight() - in.top - in.bottom));
    if (main != null && main.isVisible()) {
      main.setBounds(area);
    }
    if (pip != null && pip.isVisible()) {
      pip.setBounds(pipBounds(area));
    }
  }

  @Override
  public Dimension preferredLayoutSize(Container parent) {
    return new Dimension(640, 480);
  }

  @Override
  public Dimension minimumLayoutSize(Container parent) {
    return new Dimension(MIN_PIP_WIDTH * 2, MIN_PIP_WIDTH * 3 / 2);
  }

  @Override
  public Dimension maximumLayoutSize(Container target) {
    return new Dimension(Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public float getLayoutAlignmentX(Container target) {
    return 0.5f;
  }

  @Override
  public float getLayoutAlignmentY(Container target) {
    return 0.5f;
  }

  @Override
  public void invalidateLayout(Container target) {}
}
