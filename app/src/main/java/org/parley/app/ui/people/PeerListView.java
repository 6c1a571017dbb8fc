package org.parley.app.ui.people;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.event.ChangeListener;

/**
 * The scrolling body of the people list: rows of equal height, one per entry, with an optional
 * message (empty list, no match) below them. Only the rows in and near the visible part of the
 * viewport exist as components; scrolling re-binds a small pool of {@link PeerRow}s (like a
 * JList's renderer, but with real buttons), so hundreds of people cost no more than a screenful.
 * Event thread only.
 */
final class PeerListView extends JPanel implements Scrollable {
  private static final long serialVersionUID = 1L;
  /** Rows kept bound above and below the visible ones, so small scrolls find them ready. */
  private static final int OVERSCAN = 3;
  /** Rows bound before the view has a visible area (not yet shown, or in a test). */
  private static final int UNSHOWN_ROWS = 24;

  private final transient Supplier<PeerRow> factory;
  private final transient ChangeListener scrolled = e -> doLayout();
  private transient List<PeerDirectory.Entry> items = List.of();
  private Component message;
  private final Map<String, PeerRow> bound = new HashMap<>();
  private final ArrayDeque<PeerRow> spare = new ArrayDeque<>();
  private String selected;
  private int rowHeight;

  PeerListView(Supplier<PeerRow> factory) {
    super(null);
    this.factory = factory;
    setName("people.list");
    setFocusable(true);
    setOpaque(false);
    addFocusListener(new FocusAdapter() { // the selected row shows whether the list has focus
      @Override
      public void focusGained(FocusEvent e) {
        repaint();
      }

      @Override
      public void focusLost(FocusEvent e) {
        repaint();
      }
    });
  }

  /** Shows {@code entries} in order and then {@code message} (a child of this view, or null). */
  void setItems(List<PeerDirectory.Entry> entries, Component message) {
    items = List.copyOf(entries);
    if (this.message != null && this.message != message) {
      this.message.setVisible(false);
    }
    this.message = message;
    if (message != null) {
      message.setVisible(true);
    }
    revalidate();
    doLayout(); // rebind now so rows reflect new data even before the next layout pass
    repaint();
  }

  /** The entries shown, top to bottom. */
  List<PeerDirectory.Entry> items() {
    return items;
  }

  /** Highlights {@code user}'s row (null: none). */
  void setSelected(String user) {
    selected = user;
    for (PeerRow r : bound.values()) {
      r.setSelected(r.user().equals(user));
    }
  }

  /** Index of {@code user} in the shown entries, or -1. */
  int indexOf(String user) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).user().equals(user)) {
        return i;
      }
    }
    return -1;
  }

  /** Where row {@code index} is, in this view's coordinates. */
  Rectangle rowBounds(int index) {
    return new Rectangle(0, index * rowHeight(), getWidth(), rowHeight());
  }

  /** The row component currently bound to {@code user}, or null when it is scrolled far away. */
  PeerRow rowOf(String user) {
    return bound.get(user);
  }

  /** How many row components exist (bound and spare). */
  int rowComponents() {
    return bound.size() + spare.size();
  }

  private int rowHeight() {
    if (rowHeight <= 0) {
      PeerRow prototype;
      if (!bound.isEmpty()) {
        prototype = bound.values().iterator().next();
      } else {
        if (spare.isEmpty()) {
          PeerRow row = newRow();
          row.setVisible(false);
          spare.push(row);
        }
        prototype = spare.peek();
      }
      rowHeight = Math.max(1, prototype.getPreferredSize().height);
    }
    return rowHeight;
  }

  @Override
  public void updateUI() {
    super.updateUI();
    rowHeight = 0; // fonts may have changed
  }

  @Override
  public void addNotify() {
    super.addNotify();
    if (getParent() instanceof JViewport vp) {
      vp.addChangeListener(scrolled);
    }
  }

  @Override
  public void removeNotify() {
    if (getParent() instanceof JViewport vp) {
      vp.removeChangeListener(scrolled);
    }
    super.removeNotify();
  }

  @Override
  public void doLayout() {
    int rh = rowHeight();
    int width = getWidth();
    Rectangle visible = getVisibleRect();
    int first;
    int last;
    if (visible.isEmpty()) {
      first = 0;
      last = Math.min(items.size(), UNSHOWN_ROWS) - 1;
    } else {
      first = Math.max(0, visible.y / rh - OVERSCAN);
      last = Math.min(items.size() - 1, (visible.y + visible.height) / rh + OVERSCAN);
    }
    Set<String> wanted = new HashSet<>();
    for (int i = first; i <= last; i++) {
      wanted.add(items.get(i).user());
    }
    bound.entrySet().removeIf(b -> {
      if (wanted.contains(b.getKey())) {
        return false;
      }
      b.getValue().setVisible(false);
      spare.push(b.getValue());
      return true;
    });
    for (int i = first; i <= last; i++) {
      PeerDirectory.Entry e = items.get(i);
      PeerRow row = bound.get(e.user());
      if (row == null) {
        row = spare.isEmpty() ? newRow() : spare.pop();
        bound.put(e.user(), row);
      }
      row.bind(e);
      row.setSelected(e.user().equals(selected));
      row.setBounds(0, i * rh, width, rh);
      if (!row.isVisible()) {
        row.setVisible(true);
      }
      row.doLayout();
    }
    if (message != null) {
      message.setBounds(0, items.size() * rh, width, messageHeight(width));
    }
  }

  private PeerRow newRow() {
    PeerRow row = factory.get();
    add(row);
    return row;
  }

  private int messageHeight(int width) {
    if (message instanceof JTextArea area && width > 0) {
      area.setSize(width, Short.MAX_VALUE); // a wrapping text area needs its width first
    }
    return message.getPreferredSize().height;
  }

  @Override
  public Dimension getPreferredSize() {
    int rh = rowHeight();
    int width = 0;
    for (PeerRow r : bound.values()) {
      width = Math.max(width, r.getPreferredSize().width);
    }
    int height = items.size() * rh;
    if (message != null) {
      width = Math.max(width, message.getPreferredSize().width);
      height += messageHeight(getWidth());
    }
    return new Dimension(width, height);
  }

  @Override
  public Dimension getPreferredScrollableViewportSize() {
    return getPreferredSize();
  }

  @Override
  public int getScrollableUnitIncrement(Rectangle visibleRect, int orientation, int direction) {
    return orientation == SwingConstants.VERTICAL ? rowHeight() : 16;
  }

  @Override
  public int getScrollableBlockIncrement(Rectangle visibleRect, int orientation, int direction) {
    return orientation == SwingConstants.VERTICAL
        ? Math.max(rowHeight(), visibleRect.height - rowHeight()) : visibleRect.width;
  }

  @Override
  public boolean getScrollableTracksViewportWidth() {
    return true;
  }

  @Override
  public boolean getScrollableTracksViewportHeight() {
    return false;
  }
}
