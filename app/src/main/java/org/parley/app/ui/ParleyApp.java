package org.parley.app.ui;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.swing.SwingUtilities;
import org.parley.app.embedded.EmbeddedServer;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.prefs.Theme;
import org.parley.app.ui.setup.FirstRunDialog;
import org.parley.app.ui.theme.Themes;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.media.MediaOptions;
import org.parley.signalling.client.ConnectionState;

/**
 * The desktop app's launcher ({@code java -jar parley.jar} with no arguments): loads the
 * preferences, applies the theme, asks the first-run questions when needed, starts the built-in
 * server off the Swing thread when chosen, builds and logs in the {@link ParleyClient}, and shows
 * the {@link MainWindow} with the parts given by {@link AppParts}. Quitting saves the
 * preferences (window size included) and closes the parts, the client and the server.
 *
 * <p>The preferences directory is {@link AppPreferences#defaultDirectory()}: {@code
 * -Dparley.home=DIR} or {@code PARLEY_HOME} override it (tests, screenshots). The first-run
 * dialog is skipped when a saved preferences file is complete (a name, and a server).
 */
public final class ParleyApp {
  private static final System.Logger LOG = System.getLogger(ParleyApp.class.getName());

  /**
   * How to run: where the preferences live, the built-in server's first port and how many to
   * try, a change to the client's configuration (tests bind media to loopback), and what
   * happens after quitting (the process exits by default).
   */
  public record Options(Path home, int firstPort, int portAttempts,
      UnaryOperator<ParleyConfig.Builder> configTweak, Runnable exit) {
    /** Checks the values. */
    public Options {
      Objects.requireNonNull(home, "home");
      Objects.requireNonNull(configTweak, "configTweak");
      Objects.requireNonNull(exit, "exit");
    }

    /** The defaults: the user's directory, port 8788 and the next 19, exit the process. */
    public static Options defaults() {
      return new Options(AppPreferences.defaultDirectory(), EmbeddedServer.DEFAULT_PORT,
          EmbeddedServer.DEFAULT_ATTEMPTS, UnaryOperator.identity(), () -> System.exit(0));
    }
  }

  private final Options options;
  private final AppParts parts;
  private final ExecutorService background = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "parley-app-background");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean quitting = new AtomicBoolean();
  private AppPreferences prefs;
  private volatile MainWindow window;
  private volatile EmbeddedServer server;
  private volatile ParleyClient client;
  private volatile AppParts.Built built;

  /** An app run with {@code options} and {@code parts}; nothing happens until {@link #start()}. */
  public ParleyApp(Options options, AppParts parts) {
    this.options = Objects.requireNonNull(options, "options");
    this.parts = Objects.requireNonNull(parts, "parts");
  }

  /** Opens the app with its real parts; see {@link #launch(String[], PrintStream, AppParts)}. */
  public static int launch(String[] args, PrintStream err) {
    return launch(args, err, new DesktopParts());
  }

  /**
   * Opens the app and returns once its window is up (the app then runs on the Swing thread).
   * Returns 0, or 1 with a message on {@code err} when there is no display or it cannot start.
   */
  public static int launch(String[] args, PrintStream err, AppParts parts) {
    setPlatformProperties();
    if (GraphicsEnvironment.isHeadless()) {
      err.println(
          "parley: no display is available to open the window (set DISPLAY, or run"
              + " 'java -jar parley.jar --help' for commands that need none)");
      return 1;
    }
    try {
      new ParleyApp(Options.defaults(), parts).start();
      return 0;
    } catch (RuntimeException e) {
      err.println("parley: the app could not start: " + e.getMessage());
      LOG.log(System.Logger.Level.ERROR, "the app could not start", e);
      return 1;
    }
  }

  /** Properties AWT reads once: set them before it starts (callers may override with -D). */
  static void setPlatformProperties() {
    // Native video canvases: AWT must not paint their background over the frames.
    System.getProperties().putIfAbsent("sun.awt.noerasebackground", "true");
    // Anti-aliased text on Linux desktops that do not say how.
    System.getProperties().putIfAbsent("awt.useSystemAAFontSettings", "on");
  }

  /**
   * Runs the start-up on the calling thread (never the Swing thread): the first-run dialog
   * (modal, may block until answered), the window, the server, the client, the login. Returns
   * when the app is up or has given up with a message in its window.
   *
   * @throws IllegalStateException on the Swing event thread
   */
  public void start() {
    if (SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("ParleyApp.start runs off the Swing event thread");
    }
    prefs = AppPreferences.load(options.home());
    boolean go = onEdt(() -> {
      Themes.apply(prefs.theme());
      if (!prefs.isFirstRun() && prefs.isComplete()) {
        return true;
      }
      FirstRunDialog dialog = new FirstRunDialog(null, prefs,
          () -> EmbeddedServer.lanAddressesFor(options.firstPort()), background);
      dialog.setVisible(true);
      return dialog.accepted();
    });
    if (!go) {
      LOG.log(System.Logger.Level.INFO, "first run cancelled; quitting");
      shutdown();
      return;
    }
    onEdt(() -> {
      window = new MainWindow(prefs.displayName(), prefs.theme(), new WindowListener());
      window.setSize(fitScreen(prefs.windowSize()));
      window.setLocationRelativeTo(null);
      window.showStarting(prefs.useEmbeddedServer() ? "Starting the built-in server…"
          : "Connecting…");
      window.setVisible(true);
      return null;
    });
    URI serverUri;
    List<URI> lan = List.of();
    if (prefs.useEmbeddedServer()) {
      try {
        server = EmbeddedServer.start(options.firstPort(), options.portAttempts(),
            parts.echoBot());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "built-in server did not start", e);
        showProblem("The built-in server could not start: " + e.getMessage()
            + ". Close the program using that port, or choose another server in Settings.");
        return;
      }
      if (quitting.get()) {
        server.close();
        return;
      }
      serverUri = server.localUri();
      lan = server.lanAddresses();
    } else {
      serverUri = URI.create(prefs.serverUri());
    }
    ParleyClient c;
    try {
      c = new ParleyClient(clientConfig(prefs, serverUri, options.configTweak()));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(System.Logger.Level.ERROR, "the SDK client could not be made", e);
      showProblem("Parley's media engine could not be loaded on this computer: "
          + e.getMessage());
      return;
    }
    client = c;
    if (quitting.get()) {
      c.close();
      return;
    }
    List<URI> others = lan;
    onEdt(() -> {
      window.setServer(prefs.useEmbeddedServer() ? null : serverUri);
      window.setLanAddresses(others);
      UiEvents events = new UiEvents();
      events.attach(c);
      PeerNames names = new PeerNames();
      events.addClientListener(names);
      events.addClientListener(new ParleyClient.Listener() {
        @Override
        public void onLoginStateChanged(ConnectionState state, String reason) {
          window.setConnection(state, reason);
        }
      });
      built = parts.build(new AppContext(c, events, prefs, window, names, background));
      window.setPeopleView(built.people());
      window.setHistoryView(built.history());
      window.setRetryAction(c::login);
      return null;
    });
    c.login();
  }

  /** The SDK configuration from the preferences. */
  static ParleyConfig clientConfig(AppPreferences prefs, URI server,
      UnaryOperator<ParleyConfig.Builder> tweak) {
    MediaOptions media = new MediaOptions()
        .microphone(Objects.requireNonNullElse(prefs.microphone(), "default"))
        .speaker(Objects.requireNonNullElse(prefs.speaker(), "default"));
    media.maxBitrateKbps(prefs.maxBitrateKbps());
    ParleyConfig.Builder b = ParleyConfig.builder(server, prefs.userId())
        .displayName(prefs.displayName())
        .media(media)
        .camera(prefs.camera())
        .cameraProperty(new CameraProperty(prefs.videoWidth(), prefs.videoHeight(),
            prefs.videoFps()));
    return tweak.apply(b).build();
  }

  /** The main window once shown (null before). */
  public MainWindow window() {
    return window;
  }

  /** The built-in server while it runs (null when not chosen or not started). */
  public EmbeddedServer server() {
    return server;
  }

  /** The client once made (null before). */
  public ParleyClient client() {
    return client;
  }

  /** The preferences (after {@link #start()} began). */
  public AppPreferences preferences() {
    return prefs;
  }

  /**
   * Quits: remembers the window size, hides the window, then off the Swing thread saves the
   * preferences and closes the parts, the client and the server, and runs the exit action.
   * Idempotent; any thread.
   */
  public void quit() {
    if (!quitting.compareAndSet(false, true)) {
      return;
    }
    SwingUtilities.invokeLater(() -> {
      MainWindow w = window;
      if (w != null) {
        prefs.setWindowSize(w.getSize());
        w.setVisible(false);
        w.dispose();
      }
      background.execute(this::shutdown);
    });
  }

  private void shutdown() {
    if (prefs != null && !prefs.isFirstRun()) {
      try {
        prefs.save();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot save preferences: " + e.getMessage());
      }
    }
    closeQuietly(built == null ? null : built.closer(), "the app's parts");
    closeQuietly(client, "the client");
    closeQuietly(server, "the built-in server");
    background.shutdown();
    options.exit().run();
  }

  private static void closeQuietly(AutoCloseable c, String what) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "closing " + what + " failed", e);
    }
  }

  private void showProblem(String text) {
    SwingUtilities.invokeLater(() -> window.showProblem(text));
  }

  private void saveInBackground() {
    background.execute(() -> {
      try {
        prefs.save();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot save preferences: " + e.getMessage());
      }
    });
  }

  private static Dimension fitScreen(Dimension wanted) {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getMaximumWindowBounds();
    return new Dimension(Math.max(MainWindow.MIN_SIZE.width, Math.min(wanted.width, screen.width)),
        Math.max(MainWindow.MIN_SIZE.height, Math.min(wanted.height, screen.height)));
  }

  private static <T> T onEdt(Callable<T> task) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> {
        try {
          result.set(task.call());
        } catch (Exception e) {
          failure.set(e);
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(String.valueOf(cause.getMessage()), cause);
    }
    if (failure.get() instanceof RuntimeException re) {
      throw re;
    }
    if (failure.get() != null) {
      throw new IllegalStateException(failure.get().getMessage(), failure.get());
    }
    return result.get();
  }

  /** The window's requests. */
  private final class WindowListener implements MainWindow.Listener {
    @Override
    public void onSettings() {
      if (built != null) {
        built.openSettings().run();
      }
    }

    @Override
    public void onThemeChosen(Theme theme) {
      prefs.setTheme(theme);
      saveInBackground();
    }

    @Override
    public void onQuit() {
      quit();
    }
  }
}
