package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.ui.ScreenDriver;
import org.parley.app.ui.UiEvents;
import org.parley.media.jni.ParleyCore;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.media.MediaOptions;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * The call window on a real display (Xvfb) with real calls: an open-mode signalling server on
 * loopback, alice driven through {@link CallController} and her {@link CallWindow}, bob a bare SDK
 * client that answers. Checks, from screenshots of the native canvas, that the peer's stamped test
 * pattern is drawn (also after a full-screen round trip re-creates the canvas, after a resize and
 * beside the statistics and chat panels), that statistics and chat work both ways, that the mute
 * and camera buttons reach bob and bob's mute and camera-off show at alice's, and that hanging up ends the call on both sides and closes the window.
 * Waits are generous deadlines, never speed assertions.
 */
class CallWindowVideoTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final long WAIT_MS = 30_000;

  private SignallingServer server;
  private ParleyClient alice;
  private ParleyClient bob;
  private final Recorder bobEvents = new Recorder();
  private final List<String> notices = new ArrayList<>();
  private CallController controller;

  /** Everything bob's SDK said, as "kind" and the item. */
  private static final class Recorder implements CallCallback {
    record Event(String kind, CallItem item, CallReason reason) {}

    private final List<Event> events = new ArrayList<>();

    synchronized Event find(Predicate<Event> match) {
      return events.stream().filter(match).findFirst().orElse(null);
    }

    private synchronized void add(String kind, CallItem item, CallReason reason) {
      events.add(new Event(kind, item, reason));
    }

    @Override
    public void onCallItemAdd(CallItem item) {
      add("add", item, null);
    }

    @Override
    public void onCallItemUpdate(CallItem item, CallItemChange change) {
      add("update", item, null);
    }

    @Override
    public void onCallItemRemove(CallItem item, CallReason reason, String description) {
      add("remove", item, reason);
    }

    @Override
    public void onMessageReceive(CallItem item, String type, String content) {
      add("message " + type + " " + content, item, null);
    }
  }

  private static ParleyClient client(URI uri, String user) {
    ParleyConfig config = ParleyConfig.builder(uri, user)
        .displayName(user.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + user.substring(1))
        .media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440").speaker("null")
            .bitrateKbps(100, 400, 1000))
        .camera(MediaDevice.TEST_PATTERN)
        .cameraProperty(new CameraProperty(WIDTH, HEIGHT, 15))
        .build();
    return new ParleyClient(config);
  }

  @BeforeEach
  void setUp() throws Exception {
    server = new SignallingServer(ServerConfig.builder().bindAddress("127.0.0.1").port(0).open().build());
    server.start();
    URI uri = URI.create("ws://127.0.0.1:" + server.port() + SignallingServer.path());
    alice = client(uri, "alice");
    bob = client(uri, "bob");
    UiEvents events = new UiEvents();
    events.attach(alice);
    controller = new CallController(alice, id -> id.equals("bob") ? "Bob" : id, null, Clock.systemUTC(),
        (owner, peer, message) -> {
          synchronized (notices) {
            notices.add(message);
          }
        });
    events.addCallCallback(controller);
    bob.setCallCallback(bobEvents);
    alice.login();
    bob.login();
    await("both logged in", () -> alice.state().isLoggedIn() && bob.state().isLoggedIn());
  }

  @AfterEach
  void tearDown() throws Exception {
    if (alice != null) {
      alice.close();
    }
    if (bob != null) {
      bob.close();
    }
    if (server != null) {
      server.close();
    }
    SwingUtilities.invokeAndWait(() -> {
      for (java.awt.Window w : java.awt.Window.getWindows()) {
        w.dispose();
      }
    });
  }

  @Test
  void videoCallShowsThePeerMutesAndHangsUp() throws Exception {
    SwingUtilities.invokeAndWait(() -> controller.placeCall("bob", true));
    Recorder.Event invite = awaitEvent("bob rings", e -> e.kind().equals("add"));
    String id = invite.item().id();
    CallWindow window = onEdt(() -> controller.windowOf(id));
    assertNotNull(window, "the window opens as the call is placed");
    assertEquals("Calling Bob…", onEdt(() -> waitingText(window)));
    assertEquals("Cancel", onEdt(() -> window.controls().button(CallControlBar.Control.HANG_UP).getText()));

    bob.calls().answer(invite.item(), true);
    await("alice talking with video", () -> call(() -> window.item().state() == CallState.TALKING
        && window.videoArea().showsVideo()));
    assertTrue(onEdt(() -> window.videoArea().remoteVideo() instanceof VideoSurface),
        "a native canvas under X11");

    Robot robot = new Robot();
    ParleyCore.TestPatternStamp first = awaitStamp(robot, window);
    assertTrue(first.valid());

    // Full screen re-creates the native windows: the video must come back in the new canvas.
    long handleBefore = onEdt(() -> ((VideoSurface) window.videoArea().remoteVideo()).handle());
    SwingUtilities.invokeAndWait(() -> window.controls().button(CallControlBar.Control.FULL_SCREEN).doClick());
    await("full screen", () -> call(() -> window.isFullScreen() && window.isShowing()
        && ((VideoSurface) window.videoArea().remoteVideo()).handle() != 0
        && ((VideoSurface) window.videoArea().remoteVideo()).handle() != handleBefore));
    awaitStamp(robot, window);
    SwingUtilities.invokeAndWait(() -> window.setFullScreen(false));
    await("windowed again", () -> call(() -> !window.isFullScreen() && window.isShowing()));
    awaitStamp(robot, window);

    // A resize keeps the picture fitted to the new canvas size.
    int widthBefore = onEdt(() -> window.videoArea().remoteVideo().getWidth());
    SwingUtilities.invokeAndWait(() -> window.setSize(700, 620));
    await("resized", () -> call(() -> window.videoArea().remoteVideo().getWidth() <= 700
        && window.videoArea().remoteVideo().getWidth() != widthBefore));
    awaitStamp(robot, window);

    // Statistics: the panel fills in from the live figures.
    SwingUtilities.invokeAndWait(() -> window.controls().button(CallControlBar.Control.STATS).doClick());
    await("statistics with rates", () -> call(() -> {
      List<String> v = window.statistics().values();
      return window.statistics().isShowing() && v.get(1).equals("320 × 240") && v.get(3).endsWith(" fps")
          && v.get(5).endsWith("bps") && v.get(6).endsWith(" ms");
    }));

    // Chat both ways; a message arriving while the chat is hidden shows on its button.
    bob.calls().sendMessage(invite.item(), "text", "hello alice");
    await("alice sees an unread message", () -> call(() ->
        window.controls().button(CallControlBar.Control.CHAT).getText().equals("Chat (1)")));
    SwingUtilities.invokeAndWait(() -> {
      window.controls().button(CallControlBar.Control.CHAT).doClick();
      javax.swing.JTextField input = (javax.swing.JTextField) ScreenDriver.find(window, "call.chat.input");
      input.setText("hi bob");
      input.postActionEvent();
    });
    awaitEvent("bob gets alice's message", e -> e.kind().equals("message text hi bob"));
    assertEquals(List.of("hello alice", "hi bob"),
        onEdt(() -> window.chat().messages().stream().map(ChatMessage::text).toList()));
    assertEquals("Chat", onEdt(() -> window.controls().button(CallControlBar.Control.CHAT).getText()));
    awaitStamp(robot, window); // the side panels leave the video drawn

    SwingUtilities.invokeAndWait(() -> window.controls().button(CallControlBar.Control.MUTE).doClick());
    awaitEvent("bob sees alice muted", e -> e.kind().equals("update") && e.item().otherMicrophoneMuted());
    await("alice's mute button shows it", () -> call(() ->
        window.controls().button(CallControlBar.Control.MUTE).isSelected() && window.item().microphoneMuted()));

    // Camera off reaches bob; bob's camera off and mute show as badges and in place of his video.
    SwingUtilities.invokeAndWait(() -> window.controls().button(CallControlBar.Control.CAMERA).doClick());
    awaitEvent("bob sees alice's camera off", e -> e.kind().equals("update") && !e.item().uploadVideoOther());
    bob.calls().setMicrophoneMuted(invite.item(), true);
    bob.calls().setVideoSending(invite.item(), false);
    await("alice sees bob's camera off", () -> call(() -> "Bob turned their camera off".equals(waitingText(window))
        && !window.videoArea().showsVideo()
        && window.header().badgeText().equals("Bob muted their microphone · Bob turned their camera off")));
    SwingUtilities.invokeAndWait(() -> window.controls().button(CallControlBar.Control.RENDER_MODE).doClick());
    assertEquals("Fill", onEdt(() -> window.controls().button(CallControlBar.Control.RENDER_MODE).getText()));

    SwingUtilities.invokeAndWait(() -> window.controls().button(CallControlBar.Control.HANG_UP).doClick());
    Recorder.Event end = awaitEvent("bob's call ends", e -> e.kind().equals("remove"));
    assertEquals(CallReason.TERM_BY_PEER, end.reason());
    assertEquals(CallState.OK, end.item().state());
    await("alice's window closes", () -> call(() -> window.isClosed() && !window.isDisplayable()
        && controller.windowOf(id) == null));
    synchronized (notices) {
      assertEquals(List.of(), notices, "an ordinary hang-up needs no explanation");
    }
  }

  @Test
  void pixelBufferFallbackShowsThePeerToo() throws Exception {
    System.setProperty(VideoSurface.PIXEL_BUFFER_PROPERTY, "true");
    try {
      SwingUtilities.invokeAndWait(() -> controller.placeCall("bob", true));
      Recorder.Event invite = awaitEvent("bob rings", e -> e.kind().equals("add"));
      CallWindow window = onEdt(() -> controller.windowOf(invite.item().id()));
      bob.calls().answer(invite.item(), true);
      await("alice talking with video", () -> call(() -> window.item().state() == CallState.TALKING
          && window.videoArea().showsVideo()));
      assertTrue(onEdt(() -> window.videoArea().remoteVideo() instanceof PixelBufferVideo),
          "the lightweight fallback");
      assertTrue(awaitStamp(new Robot(), window).valid());
      SwingUtilities.invokeAndWait(() -> window.controls().button(CallControlBar.Control.HANG_UP).doClick());
      await("alice's window closes", () -> call(window::isClosed));
    } finally {
      System.clearProperty(VideoSurface.PIXEL_BUFFER_PROPERTY);
    }
  }

  @Test
  void declinedCallClosesTheWindowAndSaysWhy() throws Exception {
    SwingUtilities.invokeAndWait(() -> controller.placeCall("bob", true));
    Recorder.Event invite = awaitEvent("bob rings", e -> e.kind().equals("add"));
    String id = invite.item().id();
    bob.calls().term(invite.item(), CallReason.DECLINE, "");
    await("alice's window closes", () -> call(() -> controller.windowOf(id) == null));
    await("alice is told", () -> {
      synchronized (notices) {
        return !notices.isEmpty();
      }
    });
    synchronized (notices) {
      assertEquals("Bob declined the call.", notices.get(0));
    }
  }

  // ---------------------------------------------------------------- screen reading

  private static String waitingText(CallWindow window) {
    return ScreenDriver.find(window, "call.waiting") instanceof javax.swing.JLabel l ? l.getText() : null;
  }

  /** Waits until a screenshot of the remote canvas is not uniform and carries the stamp. */
  private ParleyCore.TestPatternStamp awaitStamp(Robot robot, CallWindow window) throws Exception {
    AtomicReference<ParleyCore.TestPatternStamp> found = new AtomicReference<>();
    AtomicReference<String> last = new AtomicReference<>("no screenshot");
    await("the peer's test pattern on screen", () -> {
      Rectangle r = call(() -> {
        Component c = window.videoArea().remoteVideo();
        if (!c.isShowing()) {
          return null;
        }
        Point p = c.getLocationOnScreen();
        return new Rectangle(p.x, p.y, c.getWidth(), c.getHeight());
      });
      if (r == null || r.width < 2 || r.height < 2) {
        return false;
      }
      BufferedImage shot = robot.createScreenCapture(r);
      if (ScreenDriver.uniform(shot)) {
        last.set("uniform " + r);
        return false;
      }
      Rectangle picture = ScreenDriver.letterbox(r.width, r.height, WIDTH, HEIGHT);
      byte[] bgra = ScreenDriver.bgra(shot, picture);
      ParleyCore.TestPatternStamp stamp =
          ParleyCore.readTestPatternStamp(bgra, picture.width, picture.height, picture.width * 4);
      if (stamp.valid()) {
        found.set(stamp);
        return true;
      }
      stamp.close();
      last.set("no stamp in " + picture + " of " + r);
      return false;
    }, last);
    return found.get();
  }

  // ---------------------------------------------------------------- waiting

  private static <T> T onEdt(Callable<T> task) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Exception> failed = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      try {
        out.set(task.call());
      } catch (Exception e) {
        failed.set(e);
      }
    });
    if (failed.get() != null) {
      throw failed.get();
    }
    return out.get();
  }

  private static <T> T call(Callable<T> task) {
    try {
      return onEdt(task);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Recorder.Event awaitEvent(String what, Predicate<Recorder.Event> match) {
    AtomicReference<Recorder.Event> found = new AtomicReference<>();
    await(what, () -> {
      found.set(bobEvents.find(match));
      return found.get() != null;
    });
    return found.get();
  }

  private static void await(String what, BooleanSupplier done) {
    await(what, done, new AtomicReference<>(""));
  }

  private static void await(String what, BooleanSupplier done, AtomicReference<String> detail) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + what + " within " + WAIT_MS + " ms " + detail.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  @Test
  void letterboxMath() {
    assertEquals(new Rectangle(80, 0, 480, 360), ScreenDriver.letterbox(640, 360, 320, 240));
    assertEquals(new Rectangle(0, 60, 320, 240), ScreenDriver.letterbox(320, 360, 320, 240));
    assertFalse(ScreenDriver.letterbox(100, 100, 320, 240).isEmpty());
  }
}
