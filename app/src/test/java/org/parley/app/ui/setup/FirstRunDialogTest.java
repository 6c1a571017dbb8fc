package org.parley.app.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.app.ui.ShellSwing.edt;
import static org.parley.app.ui.ShellSwing.edtRun;
import static org.parley.app.ui.ShellSwing.find;
import static org.parley.app.ui.ShellSwing.waitFor;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.prefs.Theme;
import org.parley.app.ui.theme.Themes;

class FirstRunDialogTest {
  @TempDir Path dir;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private FirstRunDialog dialog;
  private AppPreferences prefs;

  @BeforeEach
  void open() throws Exception {
    prefs = AppPreferences.load(dir);
    dialog = edt(() -> {
      Themes.apply(Theme.LIGHT);
      return new FirstRunDialog(null, prefs,
          () -> List.of(URI.create("ws://192.168.1.20:8788/signalling")), background);
    });
    SwingUtilities.invokeLater(() -> dialog.setVisible(true)); // modal: blocks this event
    waitFor("the dialog", () -> dialog.isShowing());
  }

  @AfterEach
  void close() throws Exception {
    edtRun(() -> dialog.dispose());
    background.shutdownNow();
  }

  private <T extends java.awt.Component> T part(String name, Class<T> type) {
    return find(dialog, name, type);
  }

  @Test
  void builtInServerIsTheDefaultAndShowsTheAddressOthersUse() throws Exception {
    assertTrue(edt(() -> part(FirstRunDialog.NAME_BUILT_IN, JRadioButton.class).isSelected()));
    assertFalse(edt(() -> part(FirstRunDialog.NAME_URI, JTextField.class).isEnabled()));
    waitFor("the LAN address", () -> part(FirstRunDialog.NAME_LAN, JLabel.class).getText()
        .equals("Others on your network connect to ws://192.168.1.20:8788/signalling"));
  }

  @Test
  void aNameIsRequired() throws Exception {
    edtRun(() -> {
      part(FirstRunDialog.NAME_NAME, JTextField.class).setText("   ");
      part(FirstRunDialog.NAME_OK, JButton.class).doClick();
    });
    assertEquals("Please enter your name.", edt(() -> dialog.errorText()));
    assertTrue(edt(() -> dialog.isShowing()));
    assertFalse(dialog.accepted());
    assertTrue(AppPreferences.load(dir).isFirstRun(), "nothing saved");
  }

  @Test
  void aBadServerAddressIsExplainedInline() throws Exception {
    edtRun(() -> {
      part(FirstRunDialog.NAME_NAME, JTextField.class).setText("Alice");
      part(FirstRunDialog.NAME_OTHER, JRadioButton.class).doClick();
      part(FirstRunDialog.NAME_URI, JTextField.class).setText("http://example.org:8788/");
      part(FirstRunDialog.NAME_OK, JButton.class).doClick();
    });
    assertEquals("The address must start with ws:// or wss://.",
        edt(() -> part(FirstRunDialog.NAME_ERROR, JLabel.class).getText()));
    assertTrue(edt(() -> part(FirstRunDialog.NAME_ERROR, JLabel.class).isShowing()));
    assertTrue(edt(() -> dialog.isShowing()));

    // Typing clears the message; a good address is accepted and saved.
    edtRun(() -> part(FirstRunDialog.NAME_URI, JTextField.class)
        .setText("wss://calls.example.org/signalling"));
    assertEquals(" ", edt(() -> dialog.errorText()));
    edtRun(() -> part(FirstRunDialog.NAME_OK, JButton.class).doClick());
    waitFor("the dialog to close", () -> !dialog.isShowing());
    assertTrue(dialog.accepted());
    AppPreferences saved = AppPreferences.load(dir);
    assertFalse(saved.isFirstRun());
    assertEquals("Alice", saved.displayName());
    assertFalse(saved.useEmbeddedServer());
    assertEquals("wss://calls.example.org/signalling", saved.serverUri());
  }

  @Test
  void okWithTheBuiltInServerSavesTheTrimmedName() throws Exception {
    edtRun(() -> {
      part(FirstRunDialog.NAME_NAME, JTextField.class).setText("  Bob Marley ");
      part(FirstRunDialog.NAME_OK, JButton.class).doClick();
    });
    waitFor("the dialog to close", () -> !dialog.isShowing());
    assertTrue(dialog.accepted());
    AppPreferences saved = AppPreferences.load(dir);
    assertEquals("Bob Marley", saved.displayName());
    assertTrue(saved.useEmbeddedServer());
    assertNull(saved.serverUri());
    assertTrue(saved.userId().startsWith("bob-marley-"), saved.userId());
  }

  @Test
  void cancelSavesNothing() throws Exception {
    edtRun(() -> {
      part(FirstRunDialog.NAME_NAME, JTextField.class).setText("Carol");
      part(FirstRunDialog.NAME_CANCEL, JButton.class).doClick();
    });
    waitFor("the dialog to close", () -> !dialog.isShowing());
    assertFalse(dialog.accepted());
    assertTrue(AppPreferences.load(dir).isFirstRun());
    assertEquals("", prefs.displayName());
  }
}
