package org.parley.app.ui.prefs;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.parley.signalling.protocol.UserIds;

/**
 * Every preference of the desktop app, kept in {@code preferences.properties} in one directory
 * per OS user ({@link #defaultDirectory()}). A missing or unreadable file gives the defaults (and
 * a log line); a value that does not parse falls back to its own default. {@link #save()} writes
 * a temporary file next to the real one and moves it over, so a crash never leaves half a file.
 *
 * <p>Thread-safe (every method is synchronized); callers on the Swing thread should save from a
 * background thread when they can, although the file is small. Setters reject invalid values
 * with {@link IllegalArgumentException}.
 */
public final class AppPreferences {
  /** The name of the file in the directory. */
  public static final String FILE_NAME = "preferences.properties";
  /** Longest display name accepted. */
  public static final int MAX_NAME_LENGTH = 64;

  private static final System.Logger LOG = System.getLogger(AppPreferences.class.getName());
  private static final int MAX_FILE_BYTES = 256 * 1024;
  private static final Dimension DEFAULT_WINDOW = new Dimension(960, 640);
  private static final Dimension MIN_WINDOW = new Dimension(480, 360);

  private final Path directory;
  private final Map<String, String> values = new TreeMap<>();
  private boolean firstRun;
  private String idSuffix;

  private AppPreferences(Path directory) {
    this.directory = directory;
  }

  /**
   * Where the preferences live: the {@code parley.home} system property, else {@code
   * $PARLEY_HOME}, else {@code %APPDATA%\Parley} on Windows, else {@code
   * $XDG_CONFIG_HOME/parley}, else {@code ~/.config/parley}.
   */
  public static Path defaultDirectory() {
    return defaultDirectory(System::getenv, System::getProperty);
  }

  static Path defaultDirectory(UnaryOperator<String> env, UnaryOperator<String> props) {
    String home = props.apply("parley.home");
    if (isSet(home)) {
      return Path.of(home);
    }
    home = env.apply("PARLEY_HOME");
    if (isSet(home)) {
      return Path.of(home);
    }
    String os = Objects.requireNonNullElse(props.apply("os.name"), "").toLowerCase(Locale.ROOT);
    String appData = env.apply("APPDATA");
    if (os.startsWith("windows") && isSet(appData)) {
      return Path.of(appData, "Parley");
    }
    String xdg = env.apply("XDG_CONFIG_HOME");
    if (isSet(xdg)) {
      return Path.of(xdg, "parley");
    }
    return Path.of(Objects.requireNonNullElse(props.apply("user.home"), "."), ".config", "parley");
  }

  /** Reads the preferences of {@code directory}; a missing or corrupt file gives the defaults. */
  public static AppPreferences load(Path directory) {
    AppPreferences p = new AppPreferences(Objects.requireNonNull(directory, "directory"));
    Path file = directory.resolve(FILE_NAME);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
      }
      Properties props = new Properties();
      props.load(new InputStreamReader(new ByteArrayInputStream(bytes),
          StandardCharsets.UTF_8.newDecoder()));
      for (String key : props.stringPropertyNames()) {
        p.values.put(key, props.getProperty(key));
      }
      p.firstRun = false;
    } catch (NoSuchFileException e) {
      p.firstRun = true;
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "preferences " + file + " unreadable ("
          + e.getMessage() + "); using the defaults");
      p.values.clear();
      p.firstRun = true;
    }
    return p;
  }

  /** The directory of the preferences; call history and other files live here too. */
  public Path directory() {
    return directory;
  }

  /** True until {@link #save()} ran once (no readable file was found at load). */
  public synchronized boolean isFirstRun() {
    return firstRun;
  }

  /**
   * True when the app can log in without asking: a display name, and either the built-in
   * server or a well-formed server address.
   */
  public synchronized boolean isComplete() {
    return displayNameProblem(displayName()) == null
        && (useEmbeddedServer() || serverUriProblem(serverUri()) == null);
  }

  /** The name others see; empty when unset. */
  public synchronized String displayName() {
    return values.getOrDefault("user.displayName", "");
  }

  /** Sets the display name (trimmed, 1..{@value #MAX_NAME_LENGTH} characters). */
  public synchronized void setDisplayName(String v) {
    String problem = displayNameProblem(v);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    values.put("user.displayName", v.trim());
  }

  /**
   * The user id used to log in: the stored one, or one derived from the display name (letters,
   * digits, {@code . _ @ -}, plus a short random suffix so two people named alike differ). A
   * derived id is stored on the next {@link #save()} and stays the same afterwards.
   */
  public synchronized String userId() {
    String id = values.get("user.id");
    if (UserIds.isValid(id)) {
      return id;
    }
    if (idSuffix == null) {
      idSuffix = String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
    return deriveUserId(displayName(), idSuffix);
  }

  /** Sets the user id; it must match {@code [A-Za-z0-9._@-]{1,64}}. */
  public synchronized void setUserId(String v) {
    if (!UserIds.isValid(v)) {
      throw new IllegalArgumentException("a user id is 1 to 64 letters, digits or . _ @ -");
    }
    values.put("user.id", v);
  }

  /** Whether the app runs its own signalling server (the default). */
  public synchronized boolean useEmbeddedServer() {
    return !"false".equals(values.get("server.embedded"));
  }

  /** Chooses the built-in server ({@code true}) or {@link #serverUri()}. */
  public synchronized void setUseEmbeddedServer(boolean v) {
    values.put("server.embedded", Boolean.toString(v));
  }

  /** The server used when not embedded ({@code ws://} or {@code wss://}); null when unset. */
  public synchronized String serverUri() {
    String v = values.get("server.uri");
    return isSet(v) ? v : null;
  }

  /** Sets the other server's address; see {@link #serverUriProblem}. */
  public synchronized void setServerUri(String v) {
    String problem = serverUriProblem(v);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    values.put("server.uri", v.trim());
  }

  /** The camera id; null: the first listed. */
  public synchronized String camera() {
    return device("device.camera");
  }

  /** The microphone id; null: the system default. */
  public synchronized String microphone() {
    return device("device.microphone");
  }

  /** The speaker id; null: the system default. */
  public synchronized String speaker() {
    return device("device.speaker");
  }

  /** Sets the camera id (null or blank: the default). */
  public synchronized void setCamera(String id) {
    setDevice("device.camera", id);
  }

  /** Sets the microphone id (null or blank: the default). */
  public synchronized void setMicrophone(String id) {
    setDevice("device.microphone", id);
  }

  /** Sets the speaker id (null or blank: the default). */
  public synchronized void setSpeaker(String id) {
    setDevice("device.speaker", id);
  }

  /** The chosen theme; {@link Theme#SYSTEM} by default. */
  public synchronized Theme theme() {
    String v = values.get("ui.theme");
    if (v != null) {
      try {
        return Theme.valueOf(v.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        LOG.log(System.Logger.Level.INFO, "unknown theme '" + v + "' in preferences");
      }
    }
    return Theme.SYSTEM;
  }

  /** Sets the theme. */
  public synchronized void setTheme(Theme t) {
    values.put("ui.theme", Objects.requireNonNull(t, "theme").name());
  }

  /** The main window's last size (never below 480 x 360); 960 x 640 by default. */
  public synchronized Dimension windowSize() {
    int w = number("ui.window.width", DEFAULT_WINDOW.width, MIN_WINDOW.width, 16384);
    int h = number("ui.window.height", DEFAULT_WINDOW.height, MIN_WINDOW.height, 16384);
    return new Dimension(w, h);
  }

  /** Remembers the main window's size (clamped to 480 x 360 .. 16384 x 16384). */
  public synchronized void setWindowSize(Dimension d) {
    values.put("ui.window.width", Integer.toString(clamp(d.width, MIN_WINDOW.width, 16384)));
    values.put("ui.window.height", Integer.toString(clamp(d.height, MIN_WINDOW.height, 16384)));
  }

  /** Camera capture width; 640 by default. */
  public synchronized int videoWidth() {
    return number("video.width", 640, 16, 4096);
  }

  /** Camera capture height; 480 by default. */
  public synchronized int videoHeight() {
    return number("video.height", 480, 16, 4096);
  }

  /** Camera frame rate; 30 by default. */
  public synchronized int videoFps() {
    return number("video.fps", 30, 1, 120);
  }

  /** Sets the capture size (16..4096 each side) and frame rate (1..120). */
  public synchronized void setVideo(int w, int h, int fps) {
    if (w < 16 || w > 4096 || h < 16 || h > 4096 || fps < 1 || fps > 120) {
      throw new IllegalArgumentException("video " + w + "x" + h + "@" + fps
          + " is outside 16..4096 pixels a side and 1..120 frames per second");
    }
    values.put("video.width", Integer.toString(w));
    values.put("video.height", Integer.toString(h));
    values.put("video.fps", Integer.toString(fps));
  }

  /** The sending bitrate cap in kbit/s; 0 (the default) lets the app choose. */
  public synchronized int maxBitrateKbps() {
    return number("video.maxBitrateKbps", 0, 0, 100_000);
  }

  /** Sets the bitrate cap (0: automatic, else 1..100000 kbit/s). */
  public synchronized void setMaxBitrateKbps(int kbps) {
    if (kbps < 0 || kbps > 100_000) {
      throw new IllegalArgumentException("bitrate " + kbps + " kbit/s is outside 0..100000");
    }
    values.put("video.maxBitrateKbps", Integer.toString(kbps));
  }

  /**
   * Writes the file atomically: the text goes to a temporary file in the same directory, is
   * flushed to disk, then moved over {@value #FILE_NAME}. Creates the directory if needed.
   *
   * @throws IOException when the directory or file cannot be written (the old file is kept)
   */
  public synchronized void save() throws IOException {
    if (!values.containsKey("user.id") && !displayName().isEmpty()) {
      values.put("user.id", userId());
    }
    byte[] bytes = serialise();
    Files.createDirectories(directory);
    Path tmp = Files.createTempFile(directory, ".preferences-", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Path file = directory.resolve(FILE_NAME);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    firstRun = false;
  }

  /**
   * Why {@code name} cannot be a display name, in plain words; null when it can. Trimmed, it
   * must be 1..{@value #MAX_NAME_LENGTH} characters without control characters.
   */
  public static String displayNameProblem(String name) {
    String t = name == null ? "" : name.trim();
    if (t.isEmpty()) {
      return "Please enter your name.";
    }
    if (t.codePointCount(0, t.length()) > MAX_NAME_LENGTH) {
      return "A name can have at most " + MAX_NAME_LENGTH + " characters.";
    }
    if (t.chars().anyMatch(Character::isISOControl)) {
      return "A name cannot contain control characters.";
    }
    return null;
  }

  /**
   * Why {@code uri} cannot be a server address, in plain words; null when it can: {@code
   * ws://host[:port][/path]} or {@code wss://...}.
   */
  public static String serverUriProblem(String uri) {
    String t = uri == null ? "" : uri.trim();
    if (t.isEmpty()) {
      return "Please enter the server address, e.g. ws://192.168.1.20:8788/signalling.";
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("ws://") && !lower.startsWith("wss://")) {
      return "The address must start with ws:// or wss://.";
    }
    URI u;
    try {
      u = new URI(t);
    } catch (java.net.URISyntaxException e) {
      return "This is not a valid address: check for spaces or typing mistakes.";
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      return "The address must start with ws:// or wss://.";
    }
    if (u.getHost() == null || u.getHost().isEmpty()) {
      return "The address needs a computer name or IP address after " + scheme + "://.";
    }
    if (u.getPort() > 65535) {
      return "The port must be at most 65535.";
    }
    return null;
  }

  /** The user id derived from {@code name} with {@code suffix} (for tests and the dialog). */
  static String deriveUserId(String name, String suffix) {
    StringBuilder b = new StringBuilder();
    String lower = Normalizer.normalize(name == null ? "" : name.trim(), Normalizer.Form.NFD)
        .toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length() && b.length() < 40; i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@'
          || c == '-') {
        b.append(c);
      } else if (Character.isWhitespace(c) && b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    String base = b.toString().replaceAll("^[-.]+|[-.]+$", "");
    return (base.isEmpty() ? "user" : base) + "-" + suffix;
  }

  private byte[] serialise() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      w.write("# Parley preferences (written by the app; edit while it is closed)\n");
      for (Map.Entry<String, String> e : values.entrySet()) {
        Properties one = new Properties();
        one.setProperty(e.getKey(), e.getValue());
        StringWriter line = new StringWriter();
        one.store(line, null);
        // store() writes a date comment first; keep only the key=value line.
        for (String l : line.toString().split("\\R")) {
          if (!l.startsWith("#") && !l.isEmpty()) {
            w.write(l);
            w.write('\n');
          }
        }
      }
    }
    return out.toByteArray();
  }

  private String device(String key) {
    String v = values.get(key);
    return isSet(v) ? v : null;
  }

  private void setDevice(String key, String id) {
    if (isSet(id)) {
      values.put(key, id.trim());
    } else {
      values.remove(key);
    }
  }

  private int number(String key, int fallback, int min, int max) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // logged below
    }
    LOG.log(System.Logger.Level.INFO, "preference " + key + "='" + v + "' is not a number in "
        + min + ".." + max + "; using " + fallback);
    return fallback;
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }

  private static boolean isSet(String v) {
    return v != null && !v.isBlank();
  }
}
