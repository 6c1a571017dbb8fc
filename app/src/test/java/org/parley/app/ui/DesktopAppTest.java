package org.parley.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.echo.EchoBot;
import org.parley.app.ui.incoming.Ringtone;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.prefs.Theme;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.media.MediaOptions;

/**
 * The desktop app as a user drives it, under Xvfb: the real main window on its built-in
 * server, mouse clicks through {@link java.awt.Robot}, and the video checked in screenshots of
 * the native canvases. A second user is an SDK client in the test that answers with video.
 */
class DesktopAppTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;

  @TempDir Path home;
  private final CountDownLatch exited = new CountDownLatch(1);
  private final List<String> bobSaw = new ArrayList<>();
  private ParleyApp app;
  private ParleyClient bob;
  private ScreenDriver screen;

  @BeforeEach
  void startTheApp() throws Exception {
    AppPreferences p = AppPreferences.load(home);
    p.setDisplayName("Alice");
    p.setUserId("alice");
    p.setUseEmbeddedServer(true);
    p.setCamera(MediaDevice.TEST_PATTERN);
    p.setMicrophone("tone:440");
    p.setSpeaker("null");
    p.setVideo(WIDTH, HEIGHT, 15);
    p.setTheme(Theme.LIGHT);
    p.setWindowSize(new Dimension(720, 560));
    p.save();
    app = new ParleyApp(new ParleyApp.Options(home, 0, 1,
        b -> b.media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440")
            .speaker("null")), exited::countDown),
        new DesktopParts(Clock.systemDefaultZone(), Ringtone.silent(),
            () -> new MediaOptions().bindAddress("127.0.0.1")));
    app.start();
    screen = new ScreenDriver();
    MainWindow w = app.window();
    ScreenDriver.await("Connected in the status bar",
        () -> ScreenDriver.onEdt(w::statusText).equals("Connected"));
  }

  @AfterEach
  void quit() throws Exception {
    if (bob != null) {
      bob.close();
    }
    if (app != null) {
      app.quit();
      assertTrue(exited.await(30, TimeUnit.SECONDS), "the app shut down");
    }
  }

  /** Bob, an SDK user who answers every call with video and notes what he sees. */
  private void bobAnswersWithVideo() {
    ParleyConfig config = ParleyConfig.builder(app.server().localUri(), "bob").displayName("Bob")
        .media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440")
            .speaker("null"))
        .camera(MediaDevice.TEST_PATTERN)
        .cameraProperty(new CameraProperty(WIDTH, HEIGHT, 15))
        .build();
    bob = new ParleyClient(config);
    bob.setCallCallback(new CallCallback() {
      @Override
      public void onCallItemAdd(CallItem item) {
        if (item.direction() == CallDirection.IN) {
          bob.calls().answer(item, true);
        }
      }

      @Override
      public void onCallItemUpdate(CallItem item, CallItemChange change) {
        note("update " + item.state() + (item.otherMicrophoneMuted() ? " peer-muted" : ""));
      }

      @Override
      public void onCallItemRemove(CallItem item, CallReason reason, String description) {
        note("remove " + reason);
      }
    });
    bob.login();
  }

  private void note(String what) {
    synchronized (bobSaw) {
      bobSaw.add(what);
    }
  }

  private boolean bobSaw(Predicate<String> match) {
    synchronized (bobSaw) {
      return bobSaw.stream().anyMatch(match);
    }
  }

  private Window awaitCallWindow() {
    ScreenDriver.await("the call window", () -> ScreenDriver.showingWindow("call.window") != null);
    return ScreenDriver.showingWindow("call.window");
  }

  /** Every label's text under {@code root}, joined. */
  private static String texts(Container root) {
    StringBuilder out = new StringBuilder();
    for (Component c : root.getComponents()) {
      if (c instanceof JLabel l && l.getText() != null) {
        out.append(l.getText()).append(' ');
      }
      if (c instanceof Container k) {
        out.append(texts(k));
      }
    }
    return out.toString();
  }

  @Test
  void callAPeerSeeTheirVideoMuteHangUpAndFindTheCallInTheHistory() {
    bobAnswersWithVideo();
    MainWindow main = app.window();
    screen.click(ScreenDriver.awaitShowing(main.getContentPane(), "people.video.bob"));

    Window call = awaitCallWindow();
    Component remote = ScreenDriver.awaitShowing(call, "call.remoteVideo");
    long frame = screen.awaitStampedVideo(remote, WIDTH, HEIGHT);
    assertTrue(frame >= 0, "Bob's test pattern is drawn in the call window");

    screen.click(ScreenDriver.awaitShowing(call, "call.mute"));
    ScreenDriver.await("Bob told that Alice muted", () -> bobSaw(s -> s.endsWith("peer-muted")));

    screen.click(ScreenDriver.awaitShowing(call, "call.hangup"));
    ScreenDriver.await("Bob's call ended by Alice",
        () -> bobSaw(s -> s.equals("remove " + CallReason.TERM_BY_PEER)));
    ScreenDriver.await("the call window closed",
        () -> ScreenDriver.showingWindow("call.window") == null);

    JTabbedPane tabs = (JTabbedPane) ScreenDriver.awaitShowing(main.getContentPane(),
        MainWindow.NAME_TABS);
    Rectangle historyTab = ScreenDriver.onEdt(() -> tabs.getBoundsAt(1));
    screen.clickAt(tabs, new java.awt.Point(historyTab.x + historyTab.width / 2,
        historyTab.y + historyTab.height / 2));
    Component row = ScreenDriver.awaitShowing(main.getContentPane(), "history.row.0");
    String shown = ScreenDriver.onEdt(() -> texts((Container) row));
    assertTrue(shown.contains("Bob"), "the history row names Bob: " + shown);
    assertNotNull(ScreenDriver.awaitShowing(main.getContentPane(), "history.callback.video.0"));
  }

  @Test
  void theEchoTestShowsTheUsersOwnPatternBack() {
    MainWindow main = app.window();
    screen.click(ScreenDriver.awaitShowing(main.getContentPane(),
        "people.video." + EchoBot.USER_ID));

    Window call = awaitCallWindow();
    Component remote = ScreenDriver.awaitShowing(call, "call.remoteVideo");
    long frame = screen.awaitStampedVideo(remote, WIDTH, HEIGHT);
    assertTrue(frame >= 0, "the echoed test pattern is drawn in the call window");
    String header = ScreenDriver.onEdt(() -> texts(call));
    assertTrue(header.contains(EchoBot.DISPLAY_NAME), "the call is with the echo bot: " + header);

    screen.click(ScreenDriver.awaitShowing(call, "call.hangup"));
    ScreenDriver.await("the call window closed",
        () -> ScreenDriver.showingWindow("call.window") == null);
    assertEquals("Connected", ScreenDriver.onEdt(main::statusText));
  }
}
