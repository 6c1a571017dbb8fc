package org.parley.app.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ui.ScreenDriver;
import org.parley.app.ui.UiEvents;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.prefs.Theme;
import org.parley.app.ui.theme.Themes;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.media.MediaOptions;

/**
 * The settings dialog on a real (Xvfb) display with a real SDK client that is not logged in
 * (device lists and the preview need no server): camera "test-pattern", microphone "tone:440",
 * speaker "null". The microphone meter reads a fake {@link LevelMeterSource}.
 */
class SettingsDialogTest {
  @TempDir Path dir;
  ParleyClient client;
  private final MediaOptions media = new MediaOptions().microphone("tone:440").speaker("null");
  UiEvents events;
  AppPreferences prefs;
  SettingsDialog dialog;
  final AtomicInteger level = new AtomicInteger();
  final List<String> opened = new CopyOnWriteArrayList<>();
  final List<String> closedMeters = new CopyOnWriteArrayList<>();
  volatile String failWith;

  final LevelMeterSource fakeMeters = id -> {
    if (failWith != null) {
      throw new IOException(failWith);
    }
    opened.add(id);
    return new LevelMeter() {
      @Override public int level() { return level.get(); }

      @Override public void close() { closedMeters.add(id); }
    };
  };

  @BeforeEach
  void setUp() throws Exception {
    client = new ParleyClient(ParleyConfig.builder(URI.create("ws://127.0.0.1:9/signalling"), "tester")
        .media(media)
        .camera("test-pattern")
        .cameraProperty(new CameraProperty(320, 240, 15))
        .build());
    events = new UiEvents();
    events.attach(client);
    prefs = AppPreferences.load(dir);
    SwingUtilities.invokeAndWait(() -> Themes.apply(Theme.LIGHT));
  }

  @AfterEach
  void tearDown() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      if (dialog != null && dialog.isDisplayable()) {
        ((AbstractButton) find(dialog, "settings.cancel")).doClick();
      }
    });
    client.close();
  }

  void open() throws Exception {
    SwingUtilities.invokeAndWait(() -> dialog = new SettingsDialog(null, client, events, prefs, fakeMeters));
    SwingUtilities.invokeLater(() -> dialog.setVisible(true));
    waitFor(() -> onEdtQuiet(() -> dialog.isShowing()));
  }

  @Test
  void listsAreFilledFromTheSdk() throws Exception {
    open();
    waitFor(() -> onEdtQuiet(() -> combo("settings.camera").isEnabled() && combo("settings.speaker").isEnabled()));
    List<String> cameras = onEdt(() -> ids(combo("settings.camera")));
    List<String> mics = onEdt(() -> ids(combo("settings.microphone")));
    List<String> speakers = onEdt(() -> ids(combo("settings.speaker")));
    assertTrue(cameras.contains("test-pattern"), cameras.toString());
    assertEquals("test-pattern", onEdt(() -> selectedId(combo("settings.camera"))));
    assertTrue(mics.contains("tone:440"), mics.toString());
    assertEquals(null, mics.get(0), "the first microphone is the system default");
    assertTrue(speakers.contains("null"), speakers.toString());
    assertEquals(List.of("320 \u00d7 240", "640 \u00d7 480", "1280 \u00d7 720"),
        onEdt(() -> texts(combo("settings.resolution"))));
    assertEquals(List.of("15 fps", "30 fps"), onEdt(() -> texts(combo("settings.fps"))));
    assertEquals(List.of("Automatic", "300 kbps", "600 kbps", "1000 kbps", "2000 kbps"),
        onEdt(() -> texts(combo("settings.bitrate"))));
  }

  @Test
  void levelBarFollowsTheMeter() throws Exception {
    open();
    waitFor(() -> opened.contains("default"));
    JProgressBar bar = onEdt(() -> (JProgressBar) find(dialog, "settings.level"));
    level.set(70);
    waitFor(() -> onEdtQuiet(() -> bar.getValue() == 70));
    level.set(12);
    waitFor(() -> onEdtQuiet(() -> bar.getValue() == 12));
    // Choosing another microphone closes the first meter and opens the new one.
    waitFor(() -> onEdtQuiet(() -> combo("settings.microphone").isEnabled()));
    onEdt(() -> {
      select(combo("settings.microphone"), "tone:440");
      return null;
    });
    waitFor(() -> opened.contains("tone:440") && closedMeters.contains("default"));
  }

  @Test
  void microphoneThatCannotOpenIsExplainedInWords() throws Exception {
    failWith = "device busy";
    open();
    waitFor(() -> onEdtQuiet(() -> ((JLabel) find(dialog, "settings.level.status")).getText().contains("busy")));
    JLabel status = onEdt(() -> (JLabel) find(dialog, "settings.level.status"));
    String text = onEdt(status::getToolTipText);
    assertTrue(text.startsWith("The microphone is busy"), text);
    assertTrue(text.endsWith("(device busy)"), "the device's own reason is in the tooltip: " + text);
    assertEquals(onEdt(() -> javax.swing.UIManager.getColor("Parley.error.foreground")), onEdt(status::getForeground));
    assertFalse(onEdt(() -> find(dialog, "settings.level").isEnabled()));
  }

  @Test
  void previewShowsTheTestPattern() throws Exception {
    open();
    Robot robot = new Robot();
    Rectangle area = onEdt(() -> {
      Component p = find(dialog, "settings.preview");
      Point at = p.getLocationOnScreen();
      return new Rectangle(at.x, at.y, p.getWidth(), p.getHeight());
    });
    assertTrue(area.width > 100 && area.height > 80, area.toString());
    waitFor(() -> distinctColours(robot.createScreenCapture(area)) > 16);
  }

  static int distinctColours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void okSavesTheChoicesAndHandsDevicesToTheSdk() throws Exception {
    open();
    waitFor(() -> onEdtQuiet(() -> combo("settings.speaker").isEnabled()));
    onEdt(() -> {
      select(combo("settings.microphone"), "tone:440");
      select(combo("settings.speaker"), "null");
      combo("settings.resolution").setSelectedIndex(2);
      combo("settings.fps").setSelectedIndex(0);
      combo("settings.bitrate").setSelectedIndex(2);
      ((AbstractButton) find(dialog, "settings.theme.dark")).doClick();
      return null;
    });
    assertTrue(onEdt(FlatLaf::isLafDark), "the theme applies at once");
    onEdt(() -> {
      ((AbstractButton) find(dialog, "settings.ok")).doClick();
      return null;
    });
    waitFor(() -> !AppPreferences.load(dir).isFirstRun());
    AppPreferences saved = AppPreferences.load(dir);
    assertEquals("test-pattern", saved.camera());
    assertEquals("tone:440", saved.microphone());
    assertEquals("null", saved.speaker());
    assertEquals(1280, saved.videoWidth());
    assertEquals(720, saved.videoHeight());
    assertEquals(15, saved.videoFps());
    assertEquals(600, saved.maxBitrateKbps());
    assertEquals(Theme.DARK, saved.theme());
    waitFor(() -> new CameraProperty(1280, 720, 15).equals(client.mediaDevice().cameraProperty()));
    assertEquals("tone:440", client.mediaDevice().microphone());
    assertEquals("null", client.mediaDevice().speaker());
    waitFor(() -> media.maxBitrateKbps() == 600);
    assertEquals(50, media.minBitrateKbps(), "the next calls' rate control keeps its floor");
    assertFalse(onEdt(() -> dialog.isDisplayable()));
  }

  @Test
  void cancelPutsTheThemeBackAndSavesNothing() throws Exception {
    open();
    onEdt(() -> {
      ((AbstractButton) find(dialog, "settings.theme.dark")).doClick();
      return null;
    });
    assertTrue(onEdt(FlatLaf::isLafDark));
    onEdt(() -> {
      ((AbstractButton) find(dialog, "settings.cancel")).doClick();
      return null;
    });
    assertFalse(onEdt(FlatLaf::isLafDark));
    assertFalse(onEdt(() -> dialog.isDisplayable()));
    assertTrue(AppPreferences.load(dir).isFirstRun());
    assertEquals(Theme.SYSTEM, prefs.theme());
  }

  @Test
  void playTestSoundReportsWhatHappened() throws Exception {
    open();
    onEdt(() -> {
      ((AbstractButton) find(dialog, "settings.speaker.test")).doClick();
      return null;
    });
    waitFor(() -> onEdtQuiet(() -> find(dialog, "settings.speaker.test").isEnabled()
        && !((JLabel) find(dialog, "settings.speaker.status")).getText().isBlank()
        && !((JLabel) find(dialog, "settings.speaker.status")).getText().startsWith("Playing")));
    String text = onEdt(() -> ((JLabel) find(dialog, "settings.speaker.status")).getText());
    assertTrue(List.of("Played a chime.", "No sound output found.").contains(text), text);
  }

  @Test
  void chimeIsTwoAudibleNotes() {
    byte[] pcm = TestSound.chime();
    assertEquals((int) (TestSound.RATE * 0.3) * 2 * 2, pcm.length);
    int peak = 0;
    for (int i = 0; i < pcm.length; i += 2) {
      peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
    }
    assertTrue(peak > Short.MAX_VALUE / 5 && peak <= Short.MAX_VALUE * 0.3 + 1, "peak " + peak);
    assertEquals(0, pcm[0], "starts faded in");
  }

  // ---- helpers ----

  @SuppressWarnings("unchecked")
  JComboBox<DeviceItem> combo(String name) {
    Component c = find(dialog, name);
    assertNotNull(c, name);
    return (JComboBox<DeviceItem>) c;
  }

  static List<String> ids(JComboBox<?> box) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < box.getItemCount(); i++) {
      out.add(((DeviceItem) box.getItemAt(i)).id());
    }
    return out;
  }

  static List<String> texts(JComboBox<?> box) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < box.getItemCount(); i++) {
      out.add(String.valueOf(box.getItemAt(i)));
    }
    return out;
  }

  static String selectedId(JComboBox<?> box) {
    return ((DeviceItem) box.getSelectedItem()).id();
  }

  static void select(JComboBox<DeviceItem> box, String id) {
    for (int i = 0; i < box.getItemCount(); i++) {
      if (java.util.Objects.equals(box.getItemAt(i).id(), id)) {
        box.setSelectedIndex(i);
        return;
      }
    }
    throw new AssertionError("no item " + id + " in " + box.getName());
  }

  static Component find(Container root, String name) {
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName())) {
        return c;
      }
      if (c instanceof Container child) {
        Component found = find(child, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static <T> T onEdt(Callable<T> task) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Exception> err = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      try {
        out.set(task.call());
      } catch (Exception e) {
        err.set(e);
      }
    });
    if (err.get() != null) {
      throw err.get();
    }
    return out.get();
  }

  static boolean onEdtQuiet(Callable<Boolean> task) {
    try {
      return onEdt(task);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static void waitFor(BooleanSupplier condition) {
    ScreenDriver.await("the condition", condition);
  }
}
