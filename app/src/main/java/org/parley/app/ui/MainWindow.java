package org.parley.app.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;
import org.parley.app.ParleyVersion;
import org.parley.app.ui.prefs.Theme;
import org.parley.app.ui.text.UserMessages;
import org.parley.app.ui.theme.Themes;
import org.parley.signalling.client.ConnectionState;

/**
 * The main window, "Parley": a header with the user's name and a connection dot, tabs "People"
 * and "History" (whatever components the caller sets), a status bar with the connection in words
 * and, while the built-in server runs, the address others call ("Others can call you at ..."),
 * selectable and copyable; menus Parley (Settings…, Theme, Quit) and Help (About).
 *
 * <p>Build and use it on the Swing event thread only. Closing the window does not exit: it calls
 * {@link Listener#onQuit()} and the caller cleans up and disposes it. Every interactive part has
 * a stable name (see the {@code NAME_*} constants) for tests.
 */
public final class MainWindow extends JFrame {
  private static final long serialVersionUID = 1L;
  /** The tabs. */
  public static final String NAME_TABS = "main.tabs";
  /** The user's display name in the header. */
  public static final String NAME_USER = "main.userName";
  /** The connection dot in the header. */
  public static final String NAME_DOT = "main.connectionDot";
  /** The connection text in the status bar. */
  public static final String NAME_STATUS = "main.status";
  /** The read-only field with the address others use. */
  public static final String NAME_ADDRESS = "main.lanAddress";
  /** The "Try again" button shown when the connection gave up. */
  public static final String NAME_RETRY = "main.retry";
  /** The button copying that address. */
  public static final String NAME_COPY = "main.copyAddress";
  /** Menu items. */
  public static final String NAME_SETTINGS = "menu.settings";
  /** Quit menu item. */
  public static final String NAME_QUIT = "menu.quit";
  /** About menu item. */
  public static final String NAME_ABOUT = "menu.about";
  /** Prefix of the theme items: menu.theme.light, .dark, .system. */
  public static final String NAME_THEME_PREFIX = "menu.theme.";
  /** The smallest size the window may take. */
  public static final Dimension MIN_SIZE = new Dimension(480, 360);

  /** What the window asks of its owner; called on the Swing event thread. */
  public interface Listener {
    /** The user chose Parley ▸ Settings…. */
    void onSettings();

    /** The user chose a theme (the window has already applied it). */
    void onThemeChosen(Theme theme);

    /** The user closed the window or chose Quit: save, close, then dispose the window. */
    void onQuit();
  }

  private final Listener listener;
  private final JTabbedPane tabs = new JTabbedPane();
  private final JLabel userName = new JLabel();
  private final StatusDot dot = new StatusDot(12);
  private final JLabel dotLabel = new JLabel(dot);
  private final JLabel status = new JLabel(" ");
  private final JTextField address = new JTextField();
  private final JButton copy = new JButton("Copy");
  private final JButton retry = new JButton("Try again");
  private Runnable retryAction;
  private final JPanel addressPanel = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
  private final Map<Theme, JRadioButtonMenuItem> themeItems = new EnumMap<>(Theme.class);
  private URI server;

  /**
   * A window with placeholder tabs, the user shown as {@code displayName}, the theme menu on
   * {@code theme}.
   */
  public MainWindow(String displayName, Theme theme, Listener listener) {
    super("Parley");
    this.listener = Objects.requireNonNull(listener, "listener");
    setName("main.window");
    setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
    addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosing(WindowEvent e) {
        listener.onQuit();
      }
    });
    setMinimumSize(MIN_SIZE);
    setIconImages(AppIcon.images());
    setJMenuBar(menuBar(theme));

    JPanel root = new JPanel(new BorderLayout());
    root.add(header(), BorderLayout.NORTH);
    tabs.setName(NAME_TABS);
    tabs.addTab("People", placeholder("Connecting… people appear here once you are online."));
    tabs.addTab("History", placeholder("Your calls will be listed here."));
    tabs.setMnemonicAt(0, KeyEvent.VK_P);
    tabs.setMnemonicAt(1, KeyEvent.VK_H);
    root.add(tabs, BorderLayout.CENTER);
    root.add(statusBar(), BorderLayout.SOUTH);
    setContentPane(root);
    setUserName(displayName);
    showStarting("Starting…");
  }

  /** Shows {@code people} in the People tab. */
  public void setPeopleView(JComponent people) {
    tabs.setComponentAt(0, Objects.requireNonNull(people, "people"));
  }

  /** Shows {@code history} in the History tab. */
  public void setHistoryView(JComponent history) {
    tabs.setComponentAt(1, Objects.requireNonNull(history, "history"));
  }

  /** Titles the History tab (e.g. "History (2)" while missed calls are unseen). */
  public void setHistoryTitle(String title) {
    tabs.setTitleAt(1, Objects.requireNonNull(title, "title"));
  }

  /** Shows {@code name} in the header. */
  public void setUserName(String name) {
    userName.setText(name == null || name.isBlank() ? "Parley" : name);
  }

  /** The server the client talks to, named in the connection messages. */
  public void setServer(URI uri) {
    server = uri;
  }

  /** Shows the connection state in words (see {@link UserMessages#connection}) and the dot. */
  public void setConnection(ConnectionState state, String reason) {
    status.setText(UserMessages.connection(state, reason, server));
    dot.setLevel(state.isLoggedIn() ? StatusDot.Level.ONLINE
        : state.isFinal() ? StatusDot.Level.OFFLINE : StatusDot.Level.WAITING);
    dotLabel.setToolTipText(status.getText());
    dotLabel.repaint();
    boolean gaveUp = state == ConnectionState.RECONNECT_FAILED
        || state == ConnectionState.KICKED_OUT
        || (state == ConnectionState.LOGGED_OUT && reason != null
            && reason.startsWith("login refused"));
    retry.setVisible(gaveUp && retryAction != null);
  }

  /** What "Try again" does after the connection gave up (log in again); null hides it. */
  public void setRetryAction(Runnable action) {
    retryAction = action;
    if (action == null) {
      retry.setVisible(false);
    }
  }

  /** Shows a passing state before there is a connection (e.g. "Starting the built-in server…"). */
  public void showStarting(String text) {
    retry.setVisible(false);
    status.setText(text);
    dot.setLevel(StatusDot.Level.WAITING);
    dotLabel.setToolTipText(text);
    dotLabel.repaint();
  }

  /** Shows a problem that stops the app from connecting, in plain words. */
  public void showProblem(String text) {
    status.setText(text);
    dot.setLevel(StatusDot.Level.OFFLINE);
    dotLabel.setToolTipText(text);
    dotLabel.repaint();
  }

  /**
   * Shows "Others can call you at {@code addresses[0]}" (the others in the tooltip), or hides it
   * when {@code addresses} is empty (not the built-in server).
   */
  public void setLanAddresses(List<URI> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      addressPanel.setVisible(false);
      return;
    }
    address.setText("Others can call you at " + addresses.get(0));
    address.setColumns(0); // as wide as its text
    address.setToolTipText(addresses.size() == 1 ? "Give this address to the people who call you"
        : "<html>Other addresses of this computer:<br>" + String.join("<br>",
            addresses.subList(1, addresses.size()).stream().map(URI::toString).toList())
            + "</html>");
    copy.putClientProperty("address", addresses.get(0).toString());
    addressPanel.setVisible(true);
    addressPanel.revalidate();
  }

  /** The status bar's text (for tests and screen readers). */
  public String statusText() {
    return status.getText();
  }

  /** What the connection dot shows (tests). */
  StatusDot.Level dotLevel() {
    return dot.level();
  }

  /** The address text shown, or null when hidden. */
  public String lanAddressText() {
    return addressPanel.isVisible() ? address.getText() : null;
  }

  /** Ticks the theme menu item of {@code theme} (after a change made elsewhere). */
  public void selectTheme(Theme theme) {
    themeItems.get(theme).setSelected(true);
  }

  private JPanel header() {
    JPanel header = new JPanel(new BorderLayout(8, 0));
    header.putClientProperty(Themes.STYLE_CLASS, "parleyHeader");
    header.setBorder(BorderFactory.createEmptyBorder(10, 16, 10, 16));
    userName.setName(NAME_USER);
    userName.putClientProperty(Themes.STYLE_CLASS, "h3");
    dotLabel.setName(NAME_DOT);
    JPanel who = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
    who.setOpaque(false);
    who.add(dotLabel);
    who.add(userName);
    header.add(who, BorderLayout.WEST);
    return header;
  }

  private JPanel statusBar() {
    JPanel bar = new JPanel(new BorderLayout(12, 0));
    bar.putClientProperty(Themes.STYLE_CLASS, "parleyStatusBar");
    bar.setBorder(BorderFactory.createEmptyBorder(4, 12, 4, 8));
    status.setName(NAME_STATUS);
    JPanel left = new JPanel();
    left.setLayout(new BoxLayout(left, BoxLayout.X_AXIS)); // centred vertically in the bar
    left.setOpaque(false);
    left.add(status);
    left.add(Box.createHorizontalStrut(8));
    retry.setName(NAME_RETRY);
    retry.setVisible(false);
    retry.addActionListener(e -> {
      retry.setVisible(false);
      if (retryAction != null) {
        retryAction.run();
      }
    });
    left.add(retry);
    bar.add(left, BorderLayout.CENTER);
    address.setName(NAME_ADDRESS);
    address.setEditable(false);
    address.putClientProperty(Themes.STYLE_CLASS, Themes.SELECTABLE);
    copy.setName(NAME_COPY);
    copy.setToolTipText("Copy the address");
    copy.putClientProperty("JButton.buttonType", "borderless");
    copy.addActionListener(e -> {
      Object text = copy.getClientProperty("address");
      if (text != null) {
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(
            new StringSelection(text.toString()), null);
        copy.setText("Copied");
      }
    });
    addressPanel.setOpaque(false);
    addressPanel.add(address);
    addressPanel.add(copy);
    addressPanel.setVisible(false);
    bar.add(addressPanel, BorderLayout.EAST);
    return bar;
  }

  private JMenuBar menuBar(Theme theme) {
    int menuKey = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
    JMenu parley = new JMenu("Parley");
    parley.setName("menu.parley");
    parley.setMnemonic(KeyEvent.VK_A);
    JMenuItem settings = new JMenuItem("Settings…");
    settings.setName(NAME_SETTINGS);
    settings.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_COMMA, menuKey));
    settings.addActionListener(e -> listener.onSettings());
    parley.add(settings);

    JMenu themeMenu = new JMenu("Theme");
    themeMenu.setName("menu.theme");
    ButtonGroup group = new ButtonGroup();
    for (Theme t : Theme.values()) {
      JRadioButtonMenuItem item = new JRadioButtonMenuItem(switch (t) {
        case LIGHT -> "Light";
        case DARK -> "Dark";
        case SYSTEM -> "Same as the system";
      });
      item.setName(NAME_THEME_PREFIX + t.name().toLowerCase(Locale.ROOT));
      item.setSelected(t == theme);
      item.addActionListener(e -> {
        Themes.apply(t);
        listener.onThemeChosen(t);
      });
      group.add(item);
      themeItems.put(t, item);
      themeMenu.add(item);
    }
    parley.add(themeMenu);
    parley.addSeparator();
    JMenuItem quit = new JMenuItem("Quit");
    quit.setName(NAME_QUIT);
    quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, menuKey));
    quit.addActionListener(e -> listener.onQuit());
    parley.add(quit);

    JMenu help = new JMenu("Help");
    help.setName("menu.help");
    help.setMnemonic(KeyEvent.VK_H);
    JMenuItem about = new JMenuItem("About Parley");
    about.setName(NAME_ABOUT);
    about.addActionListener(e -> JOptionPane.showMessageDialog(this,
        "<html><b>Parley " + ParleyVersion.get() + "</b><br>One-to-one video calls on your"
            + " network.</html>", "About Parley", JOptionPane.INFORMATION_MESSAGE));
    help.add(about);

    JMenuBar bar = new JMenuBar();
    bar.add(parley);
    bar.add(help);
    return bar;
  }

  private static JComponent placeholder(String text) {
    JLabel label = new JLabel(text, SwingConstants.CENTER);
    label.putClientProperty(Themes.STYLE_CLASS, Themes.SECONDARY);
    return label;
  }
}
