package org.parley.app.ui.settings;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;

/**
 * Rows of the settings form (a {@link java.awt.GridBagLayout} panel of two columns): section
 * headings with a rule, and label + control rows. Each call returns the next free row.
 */
final class FormRows {
  private FormRows() {}

  /** A bold heading followed by a horizontal rule across both columns. */
  static int section(JPanel form, int row, String title) {
    JLabel label = new JLabel(title);
    label.putClientProperty("FlatLaf.styleClass", "h4");
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = row;
    c.gridwidth = 2;
    c.anchor = GridBagConstraints.WEST;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.insets = new Insets(row == 0 ? 0 : 14, 0, 6, 0);
    JPanel p = new JPanel(new BorderLayout(8, 0));
    p.add(label, BorderLayout.WEST);
    p.add(new JSeparator(), BorderLayout.CENTER);
    form.add(p, c);
    return row + 1;
  }

  /** {@code label} (may be empty) in the first column, {@code comp} stretched in the second. */
  static int field(JPanel form, int row, String label, JComponent comp) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = row;
    c.anchor = GridBagConstraints.NORTHWEST;
    c.insets = new Insets(4, 0, 4, 12);
    JLabel l = new JLabel(label);
    if (!label.isEmpty()) {
      l.setLabelFor(comp);
    }
    form.add(l, c);
    c.gridx = 1;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.insets = new Insets(4, 0, 4, 0);
    form.add(comp, c);
    return row + 1;
  }

}
