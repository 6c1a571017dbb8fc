package org.parley.app.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.app.ui.ShellSwing.edt;
import static org.parley.app.ui.ShellSwing.edtRun;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.app.ui.prefs.Theme;

class ThemesTest {
  @TempDir Path home;

  static Stream<Arguments> desktops() {
    return Stream.of(
        Arguments.of("nothing known", Map.of(), null, null, false),
        Arguments.of("GTK_THEME dark variant", Map.of("GTK_THEME", "Adwaita:dark"), null, null, true),
        Arguments.of("GTK_THEME light wins over file", Map.of("GTK_THEME", "Adwaita"), null,
            "gtk-theme-name=Adwaita-dark", false),
        Arguments.of("gtk-3 theme name", Map.of(), null, "[Settings]\ngtk-theme-name = Yaru-Dark\n", true),
        Arguments.of("gtk-3 prefers dark", Map.of(), null,
            "[Settings]\ngtk-theme-name=Adwaita\ngtk-application-prefer-dark-theme=1\n", true),
        Arguments.of("gtk-3 light", Map.of(), null, "[Settings]\ngtk-theme-name=Breeze\n", false),
        Arguments.of("gtk-4 before gtk-3", Map.of(), "gtk-theme-name=Adwaita-dark",
            "gtk-theme-name=Adwaita", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("desktops")
  void systemPreference(String name, Map<String, String> env, String gtk4, String gtk3,
      boolean dark) throws IOException {
    write(home.resolve(".config/gtk-4.0/settings.ini"), gtk4);
    write(home.resolve(".config/gtk-3.0/settings.ini"), gtk3);
    assertEquals(dark, Themes.systemPrefersDark(env::get, home));
  }

  @Test
  void xdgConfigHomeIsRead() throws IOException {
    Path xdg = home.resolve("elsewhere");
    write(xdg.resolve("gtk-3.0/settings.ini"), "gtk-theme-name=Arc-Dark");
    assertTrue(Themes.systemPrefersDark(Map.of("XDG_CONFIG_HOME", xdg.toString())::get, home));
    assertFalse(Themes.systemPrefersDark(Map.<String, String>of()::get, home));
  }

  private static void write(Path file, String text) throws IOException {
    if (text != null) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }
  }

  @Test
  void coloursAndStyleClassesComeFromThePropertiesFiles() throws Exception {
    JFrame frame = edt(() -> {
      Themes.apply(Theme.LIGHT);
      JFrame f = new JFrame("themes");
      JPanel p = new JPanel();
      JButton accept = new JButton("Answer");
      accept.setName("accept");
      accept.putClientProperty(Themes.STYLE_CLASS, Themes.ACCEPT);
      JLabel error = new JLabel("bad");
      error.setName("error");
      error.putClientProperty(Themes.STYLE_CLASS, Themes.ERROR);
      p.add(accept);
      p.add(error);
      f.setContentPane(p);
      f.pack();
      f.setVisible(true);
      return f;
    });
    try {
      JButton accept = (JButton) frame.getContentPane().getComponent(0);
      JLabel error = (JLabel) frame.getContentPane().getComponent(1);
      assertEquals(new Color(0x1f9d55), edt(() -> UIManager.getColor("Parley.call.accept")));
      assertEquals(new Color(0xffffff), edt(() -> UIManager.getColor("Parley.header.background")));
      assertEquals(new Color(0x1f9d55), edt(() -> accept.getBackground()));
      assertEquals(new Color(0xc62828), edt(() -> error.getForeground()));
      assertFalse(edt(Themes::isDarkNow));

      edtRun(() -> Themes.apply(Theme.DARK));
      assertTrue(edt(Themes::isDarkNow));
      assertEquals(new Color(0x26292e), edt(() -> UIManager.getColor("Parley.header.background")));
      assertEquals(new Color(0x2fa565), edt(() -> accept.getBackground()), "open windows restyled");
      assertEquals(new Color(0xff6b6b), edt(() -> error.getForeground()));
    } finally {
      edtRun(() -> {
        frame.dispose();
        Themes.apply(Theme.LIGHT);
      });
    }
  }

  @Test
  void applyRefusesOtherThreads() {
    assertThrows(IllegalStateException.class, () -> Themes.apply(Theme.DARK));
  }
}
