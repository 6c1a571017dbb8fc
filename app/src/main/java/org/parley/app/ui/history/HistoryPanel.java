package org.parley.app.ui.history;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.HierarchyEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import org.parley.app.ui.CallActions;

/**
 * The "History" tab: the calls of {@link CallHistory}, newest first, under the headings "Today",
 * "Yesterday" and "Earlier" (days in the history clock's zone), each row with a call-back for
 * video and voice, and a "Clear history" action that asks first. Missed calls are marked in the
 * theme's error colour; {@link #unseenMissed()} counts those not yet looked at (the main window
 * shows it in the tab title, listening through {@link CallHistory#addListener}); they count as
 * seen once this panel is on screen. Build and use on the Swing event thread.
 */
public final class HistoryPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  private final transient CallHistory history;
  private final transient CallActions actions;
  private final transient Function<String, String> displayNameOf;
  private final ListPanel list = new ListPanel();
  private final JButton clear = new JButton("Clear history");
  private final Timer dayWatch;
  private transient Predicate<String> confirm =
      question -> JOptionPane.showConfirmDialog(this, question, "Clear history", JOptionPane.YES_NO_OPTION,
          JOptionPane.WARNING_MESSAGE) == JOptionPane.YES_OPTION;
  private LocalDate builtFor;

  public HistoryPanel(CallHistory history, CallActions actions, Function<String, String> displayNameOf) {
    super(new BorderLayout());
    this.history = Objects.requireNonNull(history, "history");
    this.actions = Objects.requireNonNull(actions, "actions");
    this.displayNameOf = Objects.requireNonNull(displayNameOf, "displayNameOf");
    setName("history.panel");

    JPanel top = new JPanel(new BorderLayout());
    top.setBorder(BorderFactory.createEmptyBorder(8, 12, 4, 8));
    JLabel title = new JLabel("Recent calls");
    title.putClientProperty("FlatLaf.styleClass", "h3");
    top.add(title, BorderLayout.WEST);
    clear.setName("history.clear");
    clear.putClientProperty("JButton.buttonType", "borderless");
    clear.addActionListener(e -> clearAsked());
    top.add(clear, BorderLayout.EAST);
    add(top, BorderLayout.NORTH);

    list.setName("history.list");
    list.setLayout(new BoxLayout(list, BoxLayout.Y_AXIS));
    JScrollPane scroll = new JScrollPane(list);
    scroll.setName("history.scroll");
    scroll.setBorder(BorderFactory.createEmptyBorder());
    scroll.getVerticalScrollBar().setUnitIncrement(16);
    add(scroll, BorderLayout.CENTER);

    history.addListener(this::rebuild);
    // Regroup after midnight ("Today" becomes "Yesterday"); checked once a minute while shown.
    dayWatch = new Timer(60_000, e -> {
      if (!LocalDate.now(history.clock()).equals(builtFor)) {
        rebuild();
      }
    });
    addHierarchyListener(e -> {
      if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
        if (isShowing()) {
          dayWatch.start();
          history.markSeen();
        } else {
          dayWatch.stop();
        }
      }
    });
    rebuild();
  }

  /** Missed calls not yet seen (0 when none). */
  public int unseenMissed() {
    return history.unseenMissed();
  }

  /** Counts every missed call so far as seen. */
  public void markSeen() {
    history.markSeen();
  }

  /** "History", or "History (2)" with unseen missed calls: a tab title. */
  public String tabTitle() {
    int n = unseenMissed();
    return n == 0 ? "History" : "History (" + n + ")";
  }

  /** Replaces the confirmation asked before clearing (tests answer it themselves). */
  void setConfirmation(Predicate<String> confirm) {
    this.confirm = Objects.requireNonNull(confirm);
  }

  private void clearAsked() {
    if (!history.entries().isEmpty() && confirm.test("Clear the whole call history? This cannot be undone.")) {
      history.clear();
    }
  }

  private void rebuild() {
    List<CallRecordEntry> entries = history.entries();
    ZoneId zone = history.clock().getZone();
    LocalDate today = LocalDate.now(history.clock());
    builtFor = today;
    list.removeAll();
    clear.setEnabled(!entries.isEmpty());
    if (entries.isEmpty()) {
      JLabel empty = new JLabel("No calls yet. Calls you make and receive appear here.", SwingConstants.CENTER);
      empty.setName("history.empty");
      empty.putClientProperty("FlatLaf.styleClass", "secondary");
      empty.setAlignmentX(LEFT_ALIGNMENT);
      empty.setBorder(BorderFactory.createEmptyBorder(24, 12, 24, 12));
      list.add(empty);
    }
    HistoryText.Group current = null;
    for (int i = 0; i < entries.size(); i++) {
      CallRecordEntry e = entries.get(i);
      HistoryText.Group g = HistoryText.groupOf(e, today, zone);
      if (g != current) {
        current = g;
        list.add(header(g));
      }
      String name = displayNameOf.apply(e.peerUserId());
      HistoryRow row = new HistoryRow(i, e, name == null || name.isBlank() ? e.peerUserId() : name, g, zone, actions);
      row.setAlignmentX(LEFT_ALIGNMENT);
      list.add(row);
    }
    list.revalidate();
    list.repaint();
    if (isShowing() && history.unseenMissed() > 0) {
      // A missed call that arrives while the list is on screen has been seen.
      javax.swing.SwingUtilities.invokeLater(history::markSeen);
    }
  }

  private static JComponent header(HistoryText.Group g) {
    JLabel h = new JLabel(g.title);
    h.setName("history.group." + g.name().toLowerCase(java.util.Locale.ROOT));
    h.putClientProperty("FlatLaf.styleClass", "secondary");
    h.setFont(h.getFont().deriveFont(java.awt.Font.BOLD));
    h.setBorder(BorderFactory.createEmptyBorder(10, 12, 2, 12));
    h.setAlignmentX(LEFT_ALIGNMENT);
    return h;
  }

  @Override
  public void removeNotify() {
    dayWatch.stop();
    super.removeNotify();
  }

  /** The rows' container: as wide as the viewport, scrolling vertically only. */
  private static final class ListPanel extends JPanel implements Scrollable {
    private static final long serialVersionUID = 1L;

    @Override
    public Dimension getPreferredScrollableViewportSize() {
      return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
      return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
      return Math.max(16, visible.height - 32);
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
}
