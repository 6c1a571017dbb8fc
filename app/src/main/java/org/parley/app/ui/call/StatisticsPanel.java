package org.parley.app.ui.call;

import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.parley.sdk.call.MediaStats;

/**
 * The call statistics (resolution both ways, frame rate, bitrate up and down, round trip, loss,
 * jitter-buffer delay) as a panel beside the video, never over it: lightweight components do not
 * show above a native video canvas. Fed with {@link #update} on every new snapshot; only a sample
 * that differs from the last one counts for the rates. Event thread only.
 */
final class StatisticsPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  private final List<JLabel> values = new ArrayList<>();
  private transient StatisticsFormatter.Sample last;
  private transient StatisticsFormatter.Sample beforeLast;
  private Dimension sent;
  private Dimension received;

  StatisticsPanel() {
    super(new GridBagLayout());
    setName("call.statsPanel");
    setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    List<StatisticsFormatter.Row> rows = StatisticsFormatter.rows(
        null, new StatisticsFormatter.Sample(Instant.EPOCH, MediaStats.EMPTY), null, null);
    GridBagConstraints c = new GridBagConstraints();
    c.insets = new Insets(2, 0, 2, 8);
    c.anchor = GridBagConstraints.WEST;
    for (int i = 0; i < rows.size(); i++) {
      c.gridy = i;
      c.gridx = 0;
      c.weightx = 0;
      add(new JLabel(rows.get(i).label()), c);
      JLabel value = new JLabel(rows.get(i).value());
      value.setName("call.stats." + i);
      values.add(value);
      c.gridx = 1;
      c.weightx = 1;
      add(value, c);
    }
  }

  /** The size of the video we send or receive, from the SDK's size events. */
  void setVideoSize(boolean ours, int width, int height) {
    if (ours) {
      sent = new Dimension(width, height);
    } else {
      received = new Dimension(width, height);
    }
    refreshValues();
  }

  /** A new snapshot of the figures, taken at {@code at}. */
  void update(MediaStats stats, Instant at) {
    if (last == null || !last.stats().equals(stats)) {
      beforeLast = last;
      last = new StatisticsFormatter.Sample(at, stats);
    }
    refreshValues();
  }

  /** The values shown now, in row order (for tests and accessibility). */
  List<String> values() {
    List<String> out = new ArrayList<>();
    for (JLabel v : values) {
      out.add(v.getText());
    }
    return out;
  }

  private void refreshValues() {
    StatisticsFormatter.Sample now =
        last != null ? last : new StatisticsFormatter.Sample(Instant.EPOCH, MediaStats.EMPTY);
    List<StatisticsFormatter.Row> rows = StatisticsFormatter.rows(beforeLast, now, sent, received);
    for (int i = 0; i < rows.size(); i++) {
      values.get(i).setText(rows.get(i).value());
    }
  }
}
