package org.parley.app.ui.theme;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.swing.SwingUtilities;
import org.parley.app.ui.prefs.Theme;

/**
 * Installs Parley's FlatLaf look: light, dark, or {@link Theme#SYSTEM} (the desktop's choice,
 * best effort). Colours and style classes live in the FlatLaf properties files of this package's
 * resources ({@code FlatLaf.properties} for both themes, {@code FlatLightLaf.properties} and
 * {@code FlatDarkLaf.properties} for the colours), registered with {@link
 * FlatLaf#registerCustomDefaultsSource(String)}; see the list of style classes there (e.g.
 * {@value #ACCEPT}) and read Parley's colours with {@code UIManager.getColor("Parley.…")}.
 *
 * <p>How {@code SYSTEM} decides: {@code GTK_THEME} naming a dark theme (e.g. {@code
 * Adwaita:dark}), else {@code ~/.config/gtk-4.0} or {@code gtk-3.0/settings.ini} with {@code
 * gtk-application-prefer-dark-theme=1} or a {@code gtk-theme-name} containing "dark"; otherwise
 * light. The freedesktop portal (D-Bus) and the Windows and macOS settings are not read, as
 * Java cannot reach them without extra libraries or a subprocess; there SYSTEM means light.
 * Call {@link #apply} on the Swing event thread; it updates every open window.
 */
public final class Themes {
  /** Style class of a green round button (call, answer). */
  public static final String ACCEPT = "callAccept";
  /** Style class of a red round button (decline, hang up). */
  public static final String DECLINE = "callDecline";
  /** Style class of a round in-call toggle (mute, camera, speaker). */
  public static final String CONTROL = "callControl";
  /** Style class of quieter label text. */
  public static final String SECONDARY = "secondary";
  /** Style class of an inline error label. */
  public static final String ERROR = "errorText";
  /** Style class of a read-only text field that looks like a label but can be copied. */
  public static final String SELECTABLE = "selectableText";
  /** The client property that holds a component's style class. */
  public static final String STYLE_CLASS = "FlatLaf.styleClass";

  private static final String SOURCE = "org.parley.app.ui.theme";
  private static boolean registered;

  private Themes() {}

  /**
   * Installs {@code theme} and repaints every open window; on the Swing event thread. Safe to
   * call again (switching themes at run time).
   */
  public static void apply(Theme theme) {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("Themes.apply runs on the Swing event thread");
    }
    synchronized (Themes.class) {
      if (!registered) {
        FlatLaf.registerCustomDefaultsSource(SOURCE);
        registered = true;
      }
    }
    boolean dark = isDark(Objects.requireNonNull(theme, "theme"));
    FlatLaf.setup(dark ? new FlatDarkLaf() : new FlatLightLaf());
    FlatLaf.updateUI();
  }

  /** Whether {@code theme} means dark colours on this desktop now. */
  public static boolean isDark(Theme theme) {
    return switch (theme) {
      case LIGHT -> false;
      case DARK -> true;
      case SYSTEM -> systemPrefersDark(System::getenv, Path.of(
          Objects.requireNonNullElse(System.getProperty("user.home"), ".")));
    };
  }

  /** Whether the installed look is dark (e.g. for custom painting). */
  public static boolean isDarkNow() {
    return FlatLaf.isLafDark();
  }

  /** The desktop's preference from {@code env} and the GTK settings under {@code home}. */
  static boolean systemPrefersDark(UnaryOperator<String> env, Path home) {
    String gtkTheme = env.apply("GTK_THEME");
    if (gtkTheme != null && !gtkTheme.isBlank()) {
      return gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
    }
    String xdg = env.apply("XDG_CONFIG_HOME");
    Path config = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
    for (String dir : List.of("gtk-4.0", "gtk-3.0")) {
      Boolean dark = gtkSettingsDark(config.resolve(dir).resolve("settings.ini"));
      if (dark != null) {
        return dark;
      }
    }
    return false;
  }

  /** True/false when the GTK settings file says, null when it is missing or silent. */
  private static Boolean gtkSettingsDark(Path file) {
    List<String> lines;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
        return null;
      }
      lines = Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    Boolean answer = null;
    for (String raw : lines) {
      String line = raw.trim().toLowerCase(Locale.ROOT);
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).trim();
      String value = line.substring(eq + 1).trim();
      if (key.equals("gtk-application-prefer-dark-theme")) {
        if (value.equals("1") || value.equals("true")) {
          return true;
        }
      } else if (key.equals("gtk-theme-name")) {
        answer = value.contains("dark");
      }
    }
    return answer;
  }
}
