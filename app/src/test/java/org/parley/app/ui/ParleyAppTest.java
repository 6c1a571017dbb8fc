package org.parley.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.app.ui.ShellSwing.edt;
import static org.parley.app.ui.ShellSwing.edtRun;
import static org.parley.app.ui.ShellSwing.find;
import static org.parley.app.ui.ShellSwing.showingWindow;
import static org.parley.app.ui.ShellSwing.waitFor;

import java.awt.Dimension;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JTextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.embedded.EmbeddedServer;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.prefs.Theme;
import org.parley.app.ui.setup.FirstRunDialog;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.media.MediaOptions;

/** The whole shell: preferences, theme, first run, built-in server, client, login, quit. */
class ParleyAppTest {
  @TempDir Path home;
  private final CountDownLatch exited = new CountDownLatch(1);
  private final AtomicReference<URI> companionUri = new AtomicReference<>();
  private final AtomicReference<AppContext> context = new AtomicReference<>();
  private final CountDownLatch partsClosed = new CountDownLatch(1);
  private ParleyApp app;
  private ParleyClient bob;

  /** Placeholder tabs, but records what the shell hands to the parts. */
  private final AppParts parts = new AppParts() {
    private final PlaceholderParts placeholders = new PlaceholderParts();

    @Override
    public EmbeddedServer.Companion echoBot() {
      return uri -> {
        companionUri.set(uri);
        return () -> { };
      };
    }

    @Override
    public Built build(AppContext c) {
      context.set(c);
      Built b = placeholders.build(c);
      return new Built(b.people(), b.history(), b.openSettings(), partsClosed::countDown);
    }
  };

  private ParleyApp app() {
    app = new ParleyApp(new ParleyApp.Options(home, 0, 1,
        b -> b.media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440")
            .speaker("null")), exited::countDown), parts);
    return app;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (bob != null) {
      bob.close();
    }
    if (app != null) {
      app.quit();
      assertTrue(exited.await(30, TimeUnit.SECONDS), "the app shut down");
    }
  }

  private void completePreferences() throws IOException {
    AppPreferences p = AppPreferences.load(home);
    p.setDisplayName("Alice");
    p.setUserId("alice");
    p.setCamera("test-pattern");
    p.setTheme(Theme.DARK);
    p.setWindowSize(new Dimension(700, 500));
    p.save();
  }

  @Test
  void completePreferencesGoStraightToTheConnectedWindow() throws Exception {
    completePreferences();
    app().start();
    MainWindow w = app.window();
    assertNotNull(w);
    assertEquals(new Dimension(700, 500), edt(w::getSize));
    waitFor("Connected in the status bar", () -> w.statusText().equals("Connected"));
    EmbeddedServer server = app.server();
    assertEquals(server.localUri(), companionUri.get(), "the echo hook got the local address");
    String address = edt(w::lanAddressText);
    assertEquals("Others can call you at " + server.lanUri(), address);
    assertTrue(address.contains(":" + server.port() + "/signalling"), address);

    AppContext c = context.get();
    assertNotNull(c);
    assertEquals(w, c.window());
    assertEquals("alice", c.prefs().userId());

    // Another user logs in: the shell's name lookup learns Bob's display name.
    bob = new ParleyClient(ParleyConfig.builder(server.localUri(), "bob").displayName("Bob")
        .media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440").speaker("null"))
        .camera("test-pattern").build());
    bob.login();
    waitFor("Bob's name", () -> c.displayNameOf().apply("bob").equals("Bob"));
    waitFor("Alice seen by Bob", () -> bob.peers().stream()
        .anyMatch(p -> p.user().equals("alice") && p.displayName().equals("Alice")));

    edtRun(() -> w.setSize(760, 540));
    app.quit();
    assertTrue(exited.await(30, TimeUnit.SECONDS));
    assertTrue(partsClosed.await(1, TimeUnit.SECONDS));
    assertEquals(new Dimension(760, 540), AppPreferences.load(home).windowSize());
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", server.port()).close(),
        "the built-in server stopped");
    assertEquals(false, edt(w::isDisplayable));
  }

  @Test
  void firstRunAsksThenConnects() throws Exception {
    Thread starter = new Thread(() -> app().start(), "test-start");
    starter.start();
    FirstRunDialog dialog = showingWindow(FirstRunDialog.class);
    edtRun(() -> {
      find(dialog, FirstRunDialog.NAME_NAME, JTextField.class).setText("Dora Explorer");
      find(dialog, FirstRunDialog.NAME_OK, JButton.class).doClick();
    });
    starter.join(60_000);
    MainWindow w = app.window();
    waitFor("Connected", () -> w.statusText().equals("Connected"));
    AppPreferences saved = AppPreferences.load(home);
    assertEquals("Dora Explorer", saved.displayName());
    assertTrue(saved.userId().startsWith("dora-explorer-"), saved.userId());
    assertEquals(saved.userId(), context.get().prefs().userId());
  }

  @Test
  void cancellingTheFirstRunQuits() throws Exception {
    Thread starter = new Thread(() -> app().start(), "test-start");
    starter.start();
    FirstRunDialog dialog = showingWindow(FirstRunDialog.class);
    edtRun(() -> find(dialog, FirstRunDialog.NAME_CANCEL, JButton.class).doClick());
    assertTrue(exited.await(30, TimeUnit.SECONDS));
    starter.join(30_000);
    assertEquals(null, app.window());
    assertTrue(AppPreferences.load(home).isFirstRun());
    app = null;
  }

  @Test
  void headlessLaunchExplainsAndFails() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Djava.awt.headless=true", "-Dparley.home=" + home,
        "-cp", System.getProperty("java.class.path"), "org.parley.app.Main")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains("parley: no display is available to open the window"), out);
  }
}
