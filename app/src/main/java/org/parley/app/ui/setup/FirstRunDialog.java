package org.parley.app.ui.setup;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.theme.Themes;

/**
 * The first-run dialog: asks the user's display name and which server to use, the one built
 * into this app (the default, showing plainly the address others on the network will use) or
 * another one by address ({@code ws://} or {@code wss://}, checked with an inline message). OK
 * writes the answers into {@link AppPreferences} and saves them.
 *
 * <p>Modal; build and show it on the Swing event thread. The network addresses are looked up
 * on the executor given, never on the event thread. {@link #accepted()} tells whether the user
 * pressed OK (cancelling leaves the preferences untouched).
 */
public final class FirstRunDialog extends JDialog {
  private static final long serialVersionUID = 1L;
  /** Component names for tests. */
  public static final String NAME_NAME = "firstRun.name";
  /** "This computer" choice. */
  public static final String NAME_BUILT_IN = "firstRun.builtIn";
  /** "Another server" choice. */
  public static final String NAME_OTHER = "firstRun.other";
  /** The other server's address. */
  public static final String NAME_URI = "firstRun.serverUri";
  /** The inline error label. */
  public static final String NAME_ERROR = "firstRun.error";
  /** The label with the address others use. */
  public static final String NAME_LAN = "firstRun.lanAddress";
  /** OK. */
  public static final String NAME_OK = "firstRun.ok";
  /** Cancel. */
  public static final String NAME_CANCEL = "firstRun.cancel";

  private static final System.Logger LOG = System.getLogger(FirstRunDialog.class.getName());

  private final transient AppPreferences prefs;
  private final JTextField name = new JTextField(24);
  private final JRadioButton builtIn = new JRadioButton("This computer (built-in server)");
  private final JRadioButton other = new JRadioButton("Another server");
  private final JTextField uri = new JTextField(28);
  private final JLabel lan = new JLabel("Looking up this computer's network address…");
  private final JLabel error = new JLabel(" ");
  private boolean accepted;

  /**
   * A dialog filled from {@code prefs}; {@code lanAddresses} (run on {@code background}) gives
   * the addresses others would use for the built-in server.
   */
  public FirstRunDialog(Window owner, AppPreferences prefs, Supplier<List<URI>> lanAddresses,
      Executor background) {
    super(owner, "Welcome to Parley", ModalityType.APPLICATION_MODAL);
    this.prefs = Objects.requireNonNull(prefs, "prefs");
    setName("firstRun.dialog");
    setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    setContentPane(content());
    name.setText(prefs.displayName());
    builtIn.setSelected(prefs.useEmbeddedServer());
    other.setSelected(!prefs.useEmbeddedServer());
    uri.setText(Objects.requireNonNullElse(prefs.serverUri(), ""));
    updateEnabled();
    pack();
    setSize(Math.max(getWidth(), 560), getHeight());
    setResizable(false);
    setLocationRelativeTo(owner);
    CompletableFuture.supplyAsync(lanAddresses, background).whenComplete((list, failure) ->
        SwingUtilities.invokeLater(() -> showLan(list)));
  }

  /** True after OK was pressed with valid answers (they are in the preferences). */
  public boolean accepted() {
    return accepted;
  }

  /** The inline error shown now; blank when none. */
  public String errorText() {
    return error.getText();
  }

  private JPanel content() {
    JPanel p = new JPanel(new GridBagLayout());
    p.setBorder(BorderFactory.createEmptyBorder(20, 24, 16, 24));
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = 0;
    c.anchor = GridBagConstraints.WEST;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;

    JLabel title = new JLabel("Welcome to Parley");
    title.putClientProperty(Themes.STYLE_CLASS, "h2");
    add(p, c, title, 0);
    JLabel intro = new JLabel("Tell others who you are, and choose where calls are arranged.");
    intro.putClientProperty(Themes.STYLE_CLASS, Themes.SECONDARY);
    add(p, c, intro, 14);

    JLabel nameLabel = new JLabel("Your name");
    nameLabel.setDisplayedMnemonic(KeyEvent.VK_N);
    nameLabel.setLabelFor(name);
    add(p, c, nameLabel, 4);
    name.setName(NAME_NAME);
    name.putClientProperty("JTextField.placeholderText", "e.g. Alice Martin");
    add(p, c, name, 14);

    add(p, c, new JLabel("Server"), 4);
    ButtonGroup group = new ButtonGroup();
    group.add(builtIn);
    group.add(other);
    builtIn.setName(NAME_BUILT_IN);
    other.setName(NAME_OTHER);
    builtIn.addActionListener(e -> updateEnabled());
    other.addActionListener(e -> updateEnabled());
    add(p, c, builtIn, 0);
    lan.setName(NAME_LAN);
    lan.putClientProperty(Themes.STYLE_CLASS, Themes.SECONDARY);
    lan.setBorder(BorderFactory.createEmptyBorder(0, 28, 0, 0));
    add(p, c, lan, 8);
    add(p, c, other, 0);
    uri.setName(NAME_URI);
    uri.putClientProperty("JTextField.placeholderText", "ws://192.168.1.20:8788/signalling");
    JPanel uriRow = new JPanel(new BorderLayout());
    uriRow.setOpaque(false);
    uriRow.setBorder(BorderFactory.createEmptyBorder(0, 28, 0, 0));
    uriRow.add(uri);
    add(p, c, uriRow, 8);

    error.setName(NAME_ERROR);
    error.putClientProperty(Themes.STYLE_CLASS, Themes.ERROR);
    add(p, c, error, 12);

    DocumentListener clear = new DocumentListener() {
      @Override
      public void insertUpdate(DocumentEvent e) {
        error.setText(" ");
      }

      @Override
      public void removeUpdate(DocumentEvent e) {
        error.setText(" ");
      }

      @Override
      public void changedUpdate(DocumentEvent e) {
        error.setText(" ");
      }
    };
    name.getDocument().addDocumentListener(clear);
    uri.getDocument().addDocumentListener(clear);

    JButton ok = new JButton("Start");
    ok.setName(NAME_OK);
    ok.addActionListener(e -> submit());
    JButton cancel = new JButton("Cancel");
    cancel.setName(NAME_CANCEL);
    cancel.addActionListener(e -> dispose());
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
    buttons.setOpaque(false);
    buttons.add(cancel);
    buttons.add(ok);
    add(p, c, buttons, 0);
    getRootPane().setDefaultButton(ok);
    getRootPane().registerKeyboardAction(e -> dispose(),
        KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), JComponent.WHEN_IN_FOCUSED_WINDOW);
    return p;
  }

  private static void add(JPanel p, GridBagConstraints c, JComponent comp, int gapBelow) {
    c.insets = new Insets(0, 0, gapBelow, 0);
    p.add(comp, c);
    c.gridy++;
  }

  private void updateEnabled() {
    uri.setEnabled(other.isSelected());
    lan.setEnabled(builtIn.isSelected());
    error.setText(" ");
  }

  private void showLan(List<URI> list) {
    if (list == null || list.isEmpty()) {
      lan.setText("Others on your network connect to this computer's address, port 8788.");
    } else if (list.get(0).getHost().startsWith("127.")) {
      lan.setText("This computer has no network address now: only calls on this computer work.");
    } else {
      lan.setText("Others on your network connect to " + list.get(0));
    }
    lan.setToolTipText("If that port is taken, the next free one is used; the status bar shows"
        + " the address in use.");
    pack(); // the address may be longer than the first text
    setMinimumSize(getSize());
  }

  /** Checks the answers; shows what is wrong, or saves and closes. */
  private void submit() {
    String problem = AppPreferences.displayNameProblem(name.getText());
    JComponent focus = name;
    if (problem == null && other.isSelected()) {
      problem = AppPreferences.serverUriProblem(uri.getText());
      focus = uri;
    }
    if (problem != null) {
      error.setText(problem);
      focus.requestFocusInWindow();
      return;
    }
    prefs.setDisplayName(name.getText());
    prefs.setUseEmbeddedServer(builtIn.isSelected());
    if (other.isSelected()) {
      prefs.setServerUri(uri.getText());
    }
    try {
      prefs.save();
    } catch (IOException e) {
      // The app still runs with the answers in memory; it asks again next time.
      LOG.log(System.Logger.Level.WARNING, "cannot save preferences in " + prefs.directory()
          + ": " + e.getMessage());
    }
    accepted = true;
    dispose();
  }
}
