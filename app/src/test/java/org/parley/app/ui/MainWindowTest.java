package org.parley.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.app.ui.ShellSwing.edt;
import static org.parley.app.ui.ShellSwing.edtRun;
import static org.parley.app.ui.ShellSwing.find;
import static org.parley.app.ui.ShellSwing.waitFor;

import java.awt.Color;
import java.awt.Point;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.app.ui.prefs.Theme;
import org.parley.app.ui.theme.Themes;
import org.parley.signalling.client.ConnectionState;

class MainWindowTest {
  private static final URI SERVER = URI.create("ws://10.1.2.3:8788/signalling");
  private final List<String> heard = new ArrayList<>();
  private MainWindow window;

  @BeforeEach
  void show() throws Exception {
    window = edt(() -> {
      Themes.apply(Theme.LIGHT);
      MainWindow w = new MainWindow("Alice Martin", Theme.LIGHT, new MainWindow.Listener() {
        @Override
        public void onSettings() {
          heard.add("settings");
        }

        @Override
        public void onThemeChosen(Theme theme) {
          heard.add("theme " + theme);
        }

        @Override
        public void onQuit() {
          heard.add("quit");
        }
      });
      w.setSize(800, 600);
      w.setLocation(0, 0);
      w.setVisible(true);
      return w;
    });
    waitFor("the window", () -> window.isShowing());
  }

  @AfterEach
  void close() throws Exception {
    edtRun(() -> {
      window.dispose();
      Themes.apply(Theme.LIGHT);
    });
  }

  @Test
  void showsTabsNameAndStartingState() throws Exception {
    JTabbedPane tabs = find(window, MainWindow.NAME_TABS, JTabbedPane.class);
    assertEquals(List.of("People", "History"),
        edt(() -> List.of(tabs.getTitleAt(0), tabs.getTitleAt(1))));
    assertEquals("Parley", window.getTitle());
    assertEquals("Alice Martin", edt(() -> find(window, MainWindow.NAME_USER, JLabel.class).getText()));
    assertEquals("Starting…", edt(window::statusText));
    assertEquals(StatusDot.Level.WAITING, edt(window::dotLevel));
    assertNull(edt(window::lanAddressText));
    assertTrue(window.getMinimumSize().width >= 480);
    assertEquals(6, window.getIconImages().size(), "the drawn app icon at six sizes");

    JLabel people = new JLabel("the people");
    JLabel history = new JLabel("the history");
    edtRun(() -> {
      window.setPeopleView(people);
      window.setHistoryView(history);
    });
    assertTrue(edt(people::isShowing));
    edtRun(() -> tabs.setSelectedIndex(1));
    assertTrue(edt(history::isShowing));
  }

  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of(ConnectionState.CONNECTING, "connect", StatusDot.Level.WAITING, false),
        Arguments.of(ConnectionState.CONNECTED, "logged in", StatusDot.Level.ONLINE, false),
        Arguments.of(ConnectionState.RECONNECTING, "dropped", StatusDot.Level.WAITING, false),
        Arguments.of(ConnectionState.RECONNECTED, "resumed", StatusDot.Level.ONLINE, false),
        Arguments.of(ConnectionState.RECONNECT_FAILED, "gave up", StatusDot.Level.OFFLINE, true),
        Arguments.of(ConnectionState.KICKED_OUT, "kicked", StatusDot.Level.OFFLINE, true),
        Arguments.of(ConnectionState.LOGGED_OUT, "logout", StatusDot.Level.OFFLINE, false),
        Arguments.of(ConnectionState.LOGGED_OUT, "login refused: INVALID_USER x",
            StatusDot.Level.OFFLINE, true));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("states")
  void statusBarSaysTheConnectionInWords(ConnectionState state, String reason,
      StatusDot.Level dot, boolean retry) throws Exception {
    List<String> retried = new ArrayList<>();
    edtRun(() -> {
      window.setServer(SERVER);
      window.setRetryAction(() -> retried.add("again"));
      window.setConnection(state, reason);
    });
    assertEquals(org.parley.app.ui.text.UserMessages.connection(state, reason, SERVER),
        edt(() -> find(window, MainWindow.NAME_STATUS, JLabel.class).getText()));
    assertEquals(dot, edt(window::dotLevel));
    JButton button = find(window, MainWindow.NAME_RETRY, JButton.class);
    assertEquals(retry, edt(button::isShowing));
    if (retry) {
      edtRun(button::doClick);
      assertEquals(List.of("again"), retried);
      assertFalse(edt(button::isShowing));
    }
  }

  @Test
  void theBuiltInServersAddressIsShownAndCopied() throws Exception {
    edtRun(() -> window.setLanAddresses(List.of(URI.create("ws://192.168.1.20:8788/signalling"),
        URI.create("ws://172.17.0.1:8788/signalling"))));
    JTextField field = find(window, MainWindow.NAME_ADDRESS, JTextField.class);
    assertEquals("Others can call you at ws://192.168.1.20:8788/signalling", edt(field::getText));
    assertTrue(edt(field::isShowing));
    assertFalse(edt(field::isEditable));
    assertTrue(edt(field::getToolTipText).contains("ws://172.17.0.1:8788/signalling"));
    edtRun(() -> {
      field.selectAll();
      find(window, MainWindow.NAME_COPY, JButton.class).doClick();
    });
    assertEquals("ws://192.168.1.20:8788/signalling", edt(() -> Toolkit.getDefaultToolkit()
        .getSystemClipboard().getData(DataFlavor.stringFlavor)));
    edtRun(() -> window.setLanAddresses(List.of()));
    assertNull(edt(window::lanAddressText));
    assertFalse(edt(field::isShowing));
  }

  @Test
  void menusCallTheListener() throws Exception {
    edtRun(() -> find(window, MainWindow.NAME_SETTINGS, JMenuItem.class).doClick());
    edtRun(() -> find(window, MainWindow.NAME_QUIT, JMenuItem.class).doClick());
    assertEquals(List.of("settings", "quit"), heard);
  }

  @Test
  void closingTheWindowAsksToQuitWithoutDisposing() throws Exception {
    edtRun(() -> window.dispatchEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSING)));
    assertEquals(List.of("quit"), heard);
    assertTrue(edt(window::isDisplayable), "the owner disposes it after cleaning up");
  }

  @Test
  void themeSwitchKeepsTheWindowWorking() throws Exception {
    JPanel header = (JPanel) edt(() -> window.getContentPane().getComponent(0));
    Robot robot = new Robot();
    assertEquals(new Color(0xffffff), headerPixel(robot, header));

    edtRun(() -> find(window, MainWindow.NAME_THEME_PREFIX + "dark",
        JRadioButtonMenuItem.class).doClick());
    assertEquals(List.of("theme DARK"), heard);
    assertTrue(edt(Themes::isDarkNow));
    assertEquals(UIManager.getColor("Parley.header.background"), edt(header::getBackground));
    assertEquals(new Color(0x26292e), headerPixel(robot, header));

    // Still working after the switch: tabs switch, status updates, the other theme item ticks.
    JTabbedPane tabs = find(window, MainWindow.NAME_TABS, JTabbedPane.class);
    edtRun(() -> {
      tabs.setSelectedIndex(1);
      window.setConnection(ConnectionState.CONNECTED, "logged in");
      window.selectTheme(Theme.SYSTEM);
    });
    assertEquals(1, (int) edt(tabs::getSelectedIndex));
    assertEquals("Connected", edt(window::statusText));
    assertTrue(edt(() -> find(window, MainWindow.NAME_THEME_PREFIX + "system",
        JRadioButtonMenuItem.class).isSelected()));
    assertFalse(edt(() -> find(window, MainWindow.NAME_THEME_PREFIX + "dark",
        JRadioButtonMenuItem.class).isSelected()));
  }

  /** The colour on screen just inside the header's right end (away from any text). */
  private static Color headerPixel(Robot robot, JPanel header) throws Exception {
    robot.waitForIdle();
    Color[] seen = new Color[1];
    waitFor("the header painted", () -> {
      Point p = header.getLocationOnScreen();
      seen[0] = robot.getPixelColor(p.x + header.getWidth() - 4, p.y + header.getHeight() / 2);
      return seen[0].equals(header.getBackground());
    });
    return seen[0];
  }
}
