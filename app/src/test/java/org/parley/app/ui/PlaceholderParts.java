package org.parley.app.ui;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.SwingConstants;
import org.parley.app.embedded.EmbeddedServer;
import org.parley.app.ui.theme.Themes;

/**
 * Stand-in parts for the shell's own tests: plain labels in the tabs, a note for Settings, no
 * Echo bot.
 */
public final class PlaceholderParts implements AppParts {
  @Override
  public EmbeddedServer.Companion echoBot() {
    return null;
  }

  @Override
  public Built build(AppContext context) {
    return new Built(label("people.placeholder", "People appear here once you are online."),
        label("history.placeholder", "Your calls will be listed here."),
        () -> JOptionPane.showMessageDialog(context.window(), "Settings are not available yet.",
            "Settings", JOptionPane.INFORMATION_MESSAGE),
        () -> { });
  }

  private static JComponent label(String name, String text) {
    JLabel l = new JLabel(text, SwingConstants.CENTER);
    l.setName(name);
    l.putClientProperty(Themes.STYLE_CLASS, Themes.SECONDARY);
    return l;
  }
}
