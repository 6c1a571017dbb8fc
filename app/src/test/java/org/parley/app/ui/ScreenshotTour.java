package org.parley.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ui.incoming.Ringtone;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.prefs.Theme;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.media.MediaOptions;

/**
 * The README's screenshots: the main window, an incoming call and a call in progress, taken
 * from the real app under Xvfb. Runs only when {@code parley.screenshots.dir} names the folder
 * to write them to ({@code scripts/screenshots.sh}); an ordinary test run skips it.
 */
class ScreenshotTour {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;

  @TempDir Path home;

  @Test
  void takeTheReadmeScreenshots() throws Exception {
    String dir = System.getProperty("parley.screenshots.dir");
    Assumptions.assumeTrue(dir != null && !dir.isBlank(), "parley.screenshots.dir not set");
    Path out = Path.of(dir);
    Files.createDirectories(out);

    AppPreferences p = AppPreferences.load(home);
    p.setDisplayName("Alice Martin");
    p.setUserId("alice");
    p.setUseEmbeddedServer(true);
    p.setCamera(MediaDevice.TEST_PATTERN);
    p.setMicrophone("tone:440");
    p.setSpeaker("null");
    p.setVideo(WIDTH, HEIGHT, 30);
    p.setTheme(Theme.LIGHT);
    p.setWindowSize(new Dimension(760, 560));
    p.save();
    CountDownLatch exited = new CountDownLatch(1);
    ParleyApp app = new ParleyApp(new ParleyApp.Options(home, 0, 1,
        b -> b.media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440")
            .speaker("null")), exited::countDown),
        new DesktopParts(Clock.systemDefaultZone(), Ringtone.silent(),
            () -> new MediaOptions().bindAddress("127.0.0.1")));
    List<ParleyClient> others = new ArrayList<>();
    try {
      app.start();
      ScreenDriver screen = new ScreenDriver();
      MainWindow main = app.window();
      ScreenDriver.await("connected", () -> ScreenDriver.onEdt(main::statusText)
          .equals("Connected"));
      ParleyClient bob = peer(app, "bob", "Bob Chen");
      others.add(bob);
      others.add(peer(app, "carol", "Carol Diaz"));
      others.add(peer(app, "dev", "Devika Rao"));
      ScreenDriver.awaitShowing(main.getContentPane(), "people.video.dev");
      Thread.sleep(500); // let the presence dots and the list settle
      save(screen.robot().createScreenCapture(ScreenDriver.screenBounds(main)), out,
          "main-window.png");

      // Bob calls: the notification pops up over the main window's corner of the screen.
      bob.calls().call("alice", true, null);
      ScreenDriver.await("the incoming-call window", () -> incomingWindow() != null);
      Window incoming = incomingWindow();
      Component answer = ScreenDriver.awaitShowing(incoming, "incoming.video");
      Thread.sleep(300);
      Rectangle both = ScreenDriver.screenBounds(main).union(ScreenDriver.screenBounds(incoming));
      save(screen.robot().createScreenCapture(both.intersection(
          new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()))), out,
          "incoming-call.png");

      screen.click(answer);
      ScreenDriver.await("the call window",
          () -> ScreenDriver.showingWindow("call.window") != null);
      Window call = ScreenDriver.showingWindow("call.window");
      ScreenDriver.onEdt(() -> {
        call.setSize(900, 620);
        call.setLocation(40, 40);
        return null;
      });
      Component remote = ScreenDriver.awaitShowing(call, "call.remoteVideo");
      screen.click(ScreenDriver.awaitShowing(call, "call.stats"));
      screen.awaitStampedVideo(remote, WIDTH, HEIGHT);
      Thread.sleep(2500); // a few statistics updates and the timer past zero
      save(screen.robot().createScreenCapture(ScreenDriver.screenBounds(call)), out,
          "in-call.png");
      screen.click(ScreenDriver.awaitShowing(call, "call.hangup"));
    } finally {
      for (ParleyClient c : others) {
        c.close();
      }
      app.quit();
      assertTrue(exited.await(30, TimeUnit.SECONDS), "the app shut down");
    }
  }

  private static Window incomingWindow() {
    return ScreenDriver.onEdt(() -> {
      for (Window w : Window.getWindows()) {
        if (w.isShowing() && w.getName() != null && w.getName().startsWith("incoming.")) {
          return w;
        }
      }
      return null;
    });
  }

  private static ParleyClient peer(ParleyApp app, String user, String name) {
    ParleyClient c = new ParleyClient(ParleyConfig.builder(app.server().localUri(), user)
        .displayName(name)
        .media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440")
            .speaker("null"))
        .camera(MediaDevice.TEST_PATTERN)
        .cameraProperty(new CameraProperty(WIDTH, HEIGHT, 30))
        .build());
    c.login();
    return c;
  }

  private static void save(BufferedImage image, Path dir, String name) throws IOException {
    ImageIO.write(image, "png", dir.resolve(name).toFile());
  }
}
