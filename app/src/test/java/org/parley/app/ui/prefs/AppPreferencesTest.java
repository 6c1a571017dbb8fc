package org.parley.app.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.signalling.protocol.UserIds;

class AppPreferencesTest {
  @TempDir Path dir;

  @Test
  void missingFileGivesDefaultsAndFirstRun() {
    AppPreferences p = AppPreferences.load(dir.resolve("nothing-here"));
    assertTrue(p.isFirstRun());
    assertFalse(p.isComplete());
    assertEquals("", p.displayName());
    assertTrue(p.useEmbeddedServer());
    assertNull(p.serverUri());
    assertNull(p.camera());
    assertNull(p.microphone());
    assertNull(p.speaker());
    assertEquals(Theme.SYSTEM, p.theme());
    assertEquals(new Dimension(960, 640), p.windowSize());
    assertEquals(List.of(640, 480, 30), List.of(p.videoWidth(), p.videoHeight(), p.videoFps()));
    assertEquals(0, p.maxBitrateKbps());
  }

  @Test
  void everyValueSurvivesSaveAndLoad() throws IOException {
    AppPreferences p = AppPreferences.load(dir);
    p.setDisplayName("  Zoë Müller  ");
    p.setUserId("zoe.m");
    p.setUseEmbeddedServer(false);
    p.setServerUri("wss://calls.example.org:9443/signalling");
    p.setCamera("1");
    p.setMicrophone("tone:440");
    p.setSpeaker("null");
    p.setTheme(Theme.DARK);
    p.setWindowSize(new Dimension(1200, 800));
    p.setVideo(1280, 720, 24);
    p.setMaxBitrateKbps(1500);
    p.save();
    assertFalse(p.isFirstRun());

    AppPreferences q = AppPreferences.load(dir);
    assertFalse(q.isFirstRun());
    assertTrue(q.isComplete());
    assertEquals("Zoë Müller", q.displayName());
    assertEquals("zoe.m", q.userId());
    assertFalse(q.useEmbeddedServer());
    assertEquals("wss://calls.example.org:9443/signalling", q.serverUri());
    assertEquals("1", q.camera());
    assertEquals("tone:440", q.microphone());
    assertEquals("null", q.speaker());
    assertEquals(Theme.DARK, q.theme());
    assertEquals(new Dimension(1200, 800), q.windowSize());
    assertEquals(List.of(1280, 720, 24), List.of(q.videoWidth(), q.videoHeight(), q.videoFps()));
    assertEquals(1500, q.maxBitrateKbps());
    assertEquals(q.directory(), dir);
  }

  @Test
  void derivedUserIdIsValidStableAndSaved() throws IOException {
    AppPreferences p = AppPreferences.load(dir);
    p.setDisplayName("Ana María O'Neil");
    String id = p.userId();
    assertTrue(UserIds.isValid(id), id);
    assertTrue(id.matches("ana-maria-oneil-[0-9a-f]{4}"), id);
    assertEquals(id, p.userId());
    p.save();
    assertEquals(id, AppPreferences.load(dir).userId());
  }

  static Stream<Arguments> derivedIds() {
    return Stream.of(
        Arguments.of("plain", "Bob", "bob-beef"),
        Arguments.of("spaces collapse", "  Bob   the  Builder ", "bob-the-builder-beef"),
        Arguments.of("accents dropped", "Élodie", "elodie-beef"),
        Arguments.of("nothing usable", "李雷", "user-beef"),
        Arguments.of("allowed punctuation", "a.b_c@d", "a.b_c@d-beef"),
        Arguments.of("long names cut", "x".repeat(64), "x".repeat(40) + "-beef"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("derivedIds")
  void deriveUserId(String name, String displayName, String expected) {
    String id = AppPreferences.deriveUserId(displayName, "beef");
    assertEquals(expected, id);
    assertTrue(UserIds.isValid(id));
  }

  @Test
  void corruptFileGivesDefaults() throws IOException {
    Files.write(dir.resolve(AppPreferences.FILE_NAME), new byte[] {'a', '=', '\\', 'u', 'z', 'z'});
    AppPreferences p = AppPreferences.load(dir);
    assertTrue(p.isFirstRun());
    assertEquals("", p.displayName());

    Files.write(dir.resolve(AppPreferences.FILE_NAME), new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe});
    assertTrue(AppPreferences.load(dir).isFirstRun());

    Files.writeString(dir.resolve(AppPreferences.FILE_NAME), "user.displayName=Bob\n#"
        + "x".repeat(300_000));
    assertTrue(AppPreferences.load(dir).isFirstRun(), "an oversized file is not read");

    Files.delete(dir.resolve(AppPreferences.FILE_NAME));
    Files.createDirectory(dir.resolve(AppPreferences.FILE_NAME));
    assertTrue(AppPreferences.load(dir).isFirstRun(), "a directory in its place");
  }

  @Test
  void badValuesFallBackOneByOne() throws IOException {
    Files.writeString(dir.resolve(AppPreferences.FILE_NAME), String.join("\n",
        "user.displayName=Bob",
        "ui.theme=purple",
        "ui.window.width=abc",
        "ui.window.height=99999999",
        "video.fps=0",
        "video.maxBitrateKbps=-5",
        "server.embedded=maybe",
        "user.id=not valid!"), StandardCharsets.UTF_8);
    AppPreferences p = AppPreferences.load(dir);
    assertFalse(p.isFirstRun());
    assertEquals("Bob", p.displayName());
    assertEquals(Theme.SYSTEM, p.theme());
    assertEquals(new Dimension(960, 640), p.windowSize());
    assertEquals(30, p.videoFps());
    assertEquals(0, p.maxBitrateKbps());
    assertTrue(p.useEmbeddedServer());
    assertTrue(UserIds.isValid(p.userId()));
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("empty name", (Runnable) () -> AppPreferences.load(Path.of("x")).setDisplayName("   ")),
        Arguments.of("long name", (Runnable) () -> AppPreferences.load(Path.of("x")).setDisplayName("n".repeat(65))),
        Arguments.of("http uri", (Runnable) () -> AppPreferences.load(Path.of("x")).setServerUri("http://host/")),
        Arguments.of("no host", (Runnable) () -> AppPreferences.load(Path.of("x")).setServerUri("ws:///signalling")),
        Arguments.of("bad user id", (Runnable) () -> AppPreferences.load(Path.of("x")).setUserId("a b")),
        Arguments.of("bad fps", (Runnable) () -> AppPreferences.load(Path.of("x")).setVideo(640, 480, 0)),
        Arguments.of("bad bitrate", (Runnable) () -> AppPreferences.load(Path.of("x")).setMaxBitrateKbps(-1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void settersRejectBadValues(String name, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertNotNull(e.getMessage());
  }

  static Stream<Arguments> uris() {
    return Stream.of(
        Arguments.of("ws://192.168.1.20:8788/signalling", null),
        Arguments.of("wss://example.org/signalling", null),
        Arguments.of("WS://host", null),
        Arguments.of("", "Please enter the server address, e.g. ws://192.168.1.20:8788/signalling."),
        Arguments.of("http://host:8788/", "The address must start with ws:// or wss://."),
        Arguments.of("192.168.1.20:8788", "The address must start with ws:// or wss://."),
        Arguments.of("ws://", "This is not a valid address: check for spaces or typing mistakes."),
        Arguments.of("ws://exa mple", "This is not a valid address: check for spaces or typing mistakes."));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("uris")
  void serverUriProblem(String uri, String expected) {
    assertEquals(expected, AppPreferences.serverUriProblem(uri));
  }

  @Test
  void nameProblems() {
    assertNull(AppPreferences.displayNameProblem(" Bob "));
    assertNull(AppPreferences.displayNameProblem("😀".repeat(64)));
    assertEquals("Please enter your name.", AppPreferences.displayNameProblem(null));
    assertEquals("A name can have at most 64 characters.",
        AppPreferences.displayNameProblem("n".repeat(65)));
    assertEquals("A name cannot contain control characters.",
        AppPreferences.displayNameProblem("a\u0007b"));
  }

  @Test
  void saveIsAtomicForConcurrentReaders() throws Exception {
    AppPreferences p = AppPreferences.load(dir);
    p.setDisplayName("Writer");
    p.setServerUri("ws://host:1/signalling");
    p.save();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      while (!stop.get() && failure.get() == null) {
        AppPreferences r = AppPreferences.load(dir);
        if (r.isFirstRun() || !r.displayName().equals("Writer")
            || !"ws://host:1/signalling".equals(r.serverUri())) {
          failure.set("reader saw a partial file: " + r.displayName() + " " + r.serverUri());
        }
      }
    }, "prefs-reader");
    reader.start();
    for (int i = 0; i < 300; i++) {
      p.setWindowSize(new Dimension(500 + i, 400 + i));
      p.save();
    }
    stop.set(true);
    reader.join(30_000);
    assertNull(failure.get());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(AppPreferences.FILE_NAME),
          files.map(f -> f.getFileName().toString()).toList(), "no temporary files left");
    }
    assertEquals(new Dimension(799, 699), AppPreferences.load(dir).windowSize());
  }

  @Test
  void failedSaveKeepsTheOldFile() throws IOException {
    Path sub = dir.resolve("prefs");
    AppPreferences p = AppPreferences.load(sub);
    p.setDisplayName("Old");
    p.save();
    byte[] before = Files.readAllBytes(sub.resolve(AppPreferences.FILE_NAME));
    // A directory where the file should go makes the final move fail.
    Path blocked = dir.resolve("blocked");
    Files.createDirectories(blocked.resolve(AppPreferences.FILE_NAME).resolve("child"));
    AppPreferences q = AppPreferences.load(blocked);
    q.setDisplayName("New");
    assertThrows(IOException.class, q::save);
    assertTrue(q.isFirstRun());
    try (Stream<Path> files = Files.list(blocked)) {
      assertEquals(1, files.count(), "the temporary file is removed");
    }
    assertTrue(Arrays.equals(before, Files.readAllBytes(sub.resolve(AppPreferences.FILE_NAME))));
  }

  static Stream<Arguments> directories() {
    return Stream.of(
        Arguments.of("property wins", Map.of("PARLEY_HOME", "/env"), Map.of("parley.home", "/prop", "user.home", "/home/u"), "/prop"),
        Arguments.of("PARLEY_HOME", Map.of("PARLEY_HOME", "/env", "XDG_CONFIG_HOME", "/xdg"), Map.of("user.home", "/home/u"), "/env"),
        Arguments.of("XDG", Map.of("XDG_CONFIG_HOME", "/xdg"), Map.of("user.home", "/home/u", "os.name", "Linux"), "/xdg/parley"),
        Arguments.of("home", Map.of(), Map.of("user.home", "/home/u", "os.name", "Linux"), "/home/u/.config/parley"),
        Arguments.of("windows", Map.of("APPDATA", "/appdata"), Map.of("user.home", "/home/u", "os.name", "Windows 11"), "/appdata/Parley"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("directories")
  void defaultDirectory(String name, Map<String, String> env, Map<String, String> props, String expected) {
    assertEquals(Path.of(expected), AppPreferences.defaultDirectory(env::get, props::get));
  }
}
