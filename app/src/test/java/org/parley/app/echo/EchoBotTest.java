package org.parley.app.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.media.call.CallMedia;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.RenderMode;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.media.MediaOptions;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * The echo bot against the real signalling server (open mode, port 0) and real media on
 * loopback: a caller with a test-pattern camera sees its own stamped pictures come back and
 * receives audio; a second caller meanwhile is refused busy; the time limit hangs up. The limit's
 * timer is a fake run by hand; waits are generous deadlines, never speed assertions.
 */
class EchoBotTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final long WAIT_MS = 30_000;

  private SignallingServer server;
  private URI uri;
  private final FakeTimer timer = new FakeTimer();
  private EchoBot bot;
  private final List<Caller> callers = new ArrayList<>();

  /** Tasks scheduled on the bot's timer, run by the test. */
  private static final class FakeTimer implements CallTimer {
    record Task(Runnable task, Duration delay, boolean[] cancelled) {}

    final List<Task> tasks = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
      Task t = new Task(task, delay, new boolean[1]);
      tasks.add(t);
      return () -> t.cancelled()[0] = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** One SDK user with a test pattern, a tone and no speaker, and what its callbacks said. */
  private static final class Caller implements CallCallback, AutoCloseable {
    final ParleyClient client;
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile CallItem last;

    Caller(URI server, String user) {
      client = new ParleyClient(ParleyConfig.builder(server, user)
          .media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440").speaker("null")
              .bitrateKbps(100, 600, 1500))
          .camera(MediaDevice.TEST_PATTERN)
          .cameraProperty(new CameraProperty(WIDTH, HEIGHT, 15))
          .build());
      client.setCallCallback(this);
      client.login();
    }

    @Override
    public void onCallItemAdd(CallItem item) {
      last = item;
      events.add("add " + item.state());
    }

    @Override
    public void onCallItemUpdate(CallItem item, org.parley.sdk.call.CallItemChange change) {
      last = item;
      events.add("update " + item.state());
    }

    @Override
    public void onCallItemRemove(CallItem item, CallReason reason, String description) {
      last = item;
      events.add("remove " + reason + " " + description);
    }

    /** The test-pattern stamp of a pixel-buffer view: {sequence, captureTimeMs}, or null. */
    long[] stamp(CallItem item, CallMedia.View view) {
      byte[] bgra = new byte[WIDTH * HEIGHT * 4];
      if (client.calls().copyPixels(item, view, bgra) <= 0) {
        return null;
      }
      try (ParleyCore.TestPatternStamp s = ParleyCore.readTestPatternStamp(bgra, WIDTH, HEIGHT, WIDTH * 4)) {
        return s.valid() ? new long[] {s.sequence(), s.captureTimeMs()} : null;
      }
    }

    long statistic(String name) {
      CallItem active = client.calls().getActiveCallItem();
      return active == null ? 0 : active.statistics().all().getOrDefault(name, 0L);
    }

    @Override
    public void close() {
      client.close();
    }
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + what + " within " + WAIT_MS + " ms");
      }
      Thread.sleep(50);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    server = new SignallingServer(ServerConfig.builder().bindAddress("127.0.0.1").port(0).open().build());
    server.start();
    uri = URI.create("ws://127.0.0.1:" + server.port() + SignallingServer.path());
    bot = new EchoBot(uri, new MediaOptions().bindAddress("127.0.0.1"), timer);
    bot.start();
    await("the bot logged in", () -> bot.client().state().isLoggedIn());
  }

  @AfterEach
  void tearDown() {
    for (Caller c : callers) {
      c.close();
    }
    bot.close();
    server.close();
  }

  private Caller caller(String user) throws InterruptedException {
    Caller c = new Caller(uri, user);
    callers.add(c);
    await(user + " logged in", () -> c.client.state().isLoggedIn());
    return c;
  }

  @Test
  void answersAVideoCallAndSendsTheCallersOwnPictureAndSoundBack() throws Exception {
    Caller alice = caller("alice");
    CallItem call = alice.client.calls().call(EchoBot.USER_ID, true, "");
    for (CallMedia.View view : CallMedia.View.values()) {
      alice.client.calls().startVideo(call, view, 0, RenderMode.FULL_CONTENT);
      alice.client.calls().setPixelBufferSize(call, view, WIDTH, HEIGHT);
    }
    await("alice talking", () -> alice.last != null && alice.last.state() == CallState.TALKING);
    assertTrue(alice.last.video(), "answered with video");

    long[][] echoed = new long[1][];
    await("alice sees a stamped picture come back",
        () -> (echoed[0] = alice.stamp(call, CallMedia.View.OTHER)) != null);
    long[][] own = new long[1][];
    await("alice's own camera passes the echoed frame",
        () -> (own[0] = alice.stamp(call, CallMedia.View.SELF)) != null && own[0][0] >= echoed[0][0]);
    // The picture that came back is one alice's camera took: an earlier frame number and capture
    // time of her own, from this call (the bot numbers and times its frames otherwise).
    assertTrue(echoed[0][0] <= own[0][0], "frame " + echoed[0][0] + " vs own " + own[0][0]);
    assertTrue(echoed[0][1] <= own[0][1], "captured " + echoed[0][1] + " vs own " + own[0][1]);
    assertTrue(own[0][0] - echoed[0][0] < 15 * 30, "a recent frame of this call");

    await("alice receives audio back", () -> alice.statistic("audioPacketsReceived") > 0);

    // A second caller meanwhile is refused busy.
    Caller bob = caller("bob");
    bob.client.calls().call(EchoBot.USER_ID, false, "");
    await("bob refused", () -> bob.events.stream().anyMatch(e -> e.startsWith("remove BUSY")));

    // The time limit: armed for the call, and when it fires the bot hangs up.
    assertEquals(1, timer.tasks.size(), "one limit per answered call");
    assertEquals(EchoBot.MAX_CALL, timer.tasks.get(0).delay());
    timer.tasks.get(0).task().run();
    await("alice's call ended by the bot",
        () -> alice.events.stream().anyMatch(e -> e.startsWith("remove TERM_BY_PEER")));
    assertTrue(alice.events.stream().anyMatch(e -> e.contains(EchoBot.TIME_UP)), alice.events.toString());
  }

  @Test
  void aVoiceCallIsAnsweredWithoutVideoAndItsLimitIsCalledOffWhenItEnds() throws Exception {
    Caller carol = caller("carol");
    CallItem call = carol.client.calls().call(EchoBot.USER_ID, false, "");
    await("carol talking", () -> carol.last != null && carol.last.state() == CallState.TALKING);
    assertTrue(!carol.last.video(), "a voice call stays voice");
    await("carol receives audio back", () -> carol.statistic("audioPacketsReceived") > 0);
    carol.client.calls().term(call, CallReason.TERM_BY_SELF, "bye");
    await("carol's call ended", () -> carol.events.stream().anyMatch(e -> e.startsWith("remove")));
    await("the limit is called off", () -> timer.tasks.size() == 1 && timer.tasks.get(0).cancelled()[0]);
  }
}
