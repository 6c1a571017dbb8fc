package org.parley.sdk;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.parley.media.call.CallMedia;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.RenderMode;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallConfig;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallMediaSession;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.media.MediaOptions;
import org.parley.signalling.client.ConnectionState;

/**
 * One user in an end-to-end test: a real {@link ParleyClient} with a test-pattern camera, a tone
 * microphone and a silent speaker on loopback, and a record of everything its callbacks said.
 */
final class Side implements AutoCloseable, CallCallback, ParleyClient.Listener {
  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  static final long WAIT_MS = 20_000;

  record Event(String kind, CallItem item, CallItemChange change, CallReason reason, String text, String thread,
      long atNanos) {}

  final String user;
  final ParleyClient client;
  final KillableTransport transport = new KillableTransport();
  final List<CallMediaSession> media = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private volatile ConnectionState loginState = ConnectionState.LOGGED_OUT;

  Side(URI server, String user, CallConfig calls) {
    this.user = user;
    ParleyConfig config = ParleyConfig.builder(server, user)
        .displayName(user.toUpperCase(java.util.Locale.ROOT))
        .media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440").speaker("null")
            .bitrateKbps(100, 400, 1000))
        .camera(MediaDevice.TEST_PATTERN)
        .cameraProperty(new CameraProperty(WIDTH, HEIGHT, 15))
        .calls(calls)
        .signallingTuning(b -> b.transport(transport))
        .mediaFactoryDecorator(real -> (request, listener) -> {
          CallMediaSession s = real.create(request, listener);
          media.add(s);
          return s;
        })
        .build();
    client = new ParleyClient(config);
    client.setCallCallback(this);
    client.setListener(this);
  }

  /** Drops the signalling connection without a logout and stops the media (RTCP BYE). */
  void kill() {
    transport.kill();
    for (CallMediaSession s : media) {
      s.close();
    }
  }

  /** Drops only the signalling connection (no logout, no reconnect); media keeps running. */
  void killSignalling() {
    transport.kill();
  }

  /** Forgets the events so far. */
  synchronized void clear() {
    events.clear();
  }

  void login() {
    client.login();
    await("logged in", () -> loginState.isLoggedIn());
  }

  private synchronized void add(String kind, CallItem item, CallItemChange change, CallReason reason, String text) {
    events.add(new Event(kind, item, change, reason, text, Thread.currentThread().getName(), System.nanoTime()));
    notifyAll();
  }

  @Override
  public void onLoginStateChanged(ConnectionState state, String reason) {
    loginState = state;
    add("login", null, null, null, state.name());
  }

  @Override
  public void onPresence(Peer peer) {
    add("presence", null, null, null, peer.user() + " " + peer.displayName() + " " + peer.status());
  }

  @Override
  public void onCallItemAdd(CallItem item) {
    add("add", item, null, null, null);
  }

  @Override
  public void onCallItemUpdate(CallItem item, CallItemChange change) {
    add("update", item, change, null, null);
  }

  @Override
  public void onCallItemRemove(CallItem item, CallReason reason, String description) {
    add("remove", item, null, reason, description);
  }

  @Override
  public void onMessageReceive(CallItem item, String type, String content) {
    add("message", item, null, null, type + ":" + content);
  }

  @Override
  public void onMissedCallItem(CallItem item) {
    add("missed", item, null, item.reason(), null);
  }

  @Override
  public void onVideoFirstFrame(CallItem item, CallMedia.View view, int width, int height) {
    add("first-frame", item, null, null, view.name());
  }

  @Override
  public void onVideoSizeChanged(CallItem item, CallMedia.View view, int width, int height) {
    add("size", item, null, null, view.name() + " " + width + "x" + height);
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Waits for the first event matching {@code match}. */
  synchronized Event await(String what, Predicate<Event> match) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (true) {
      for (Event e : events) {
        if (match.test(e)) {
          return e;
        }
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError(user + ": no " + what + " within " + WAIT_MS + " ms; events " + kinds());
      }
      try {
        wait(Math.min(left, 200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  Event await(String kind) {
    return await(kind, e -> e.kind().equals(kind));
  }

  Event awaitState(CallState state) {
    return await(state.name(), e -> e.item() != null && e.item().state() == state);
  }

  private synchronized List<String> kinds() {
    List<String> k = new ArrayList<>();
    for (Event e : events) {
      k.add(e.kind() + (e.item() != null ? "/" + e.item().state() : "") + (e.reason() != null ? "/" + e.reason() : ""));
    }
    return k;
  }

  static void await(String what, java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + what + " within " + WAIT_MS + " ms");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  /** Shows the peer's video of {@code item} in a pixel buffer of the test size. */
  void showOther(CallItem item) {
    client.calls().startOtherVideo(item, 0, RenderMode.FULL_CONTENT);
    client.calls().setPixelBufferSize(item, CallMedia.View.OTHER, WIDTH, HEIGHT);
  }

  /** Whether the peer's test-pattern stamp reads back from the other view now. */
  boolean otherShowsStamp(CallItem item) {
    byte[] bgra = new byte[WIDTH * HEIGHT * 4];
    if (client.calls().copyPixels(item, CallMedia.View.OTHER, bgra) <= 0) {
      return false;
    }
    try (ParleyCore.TestPatternStamp stamp = ParleyCore.readTestPatternStamp(bgra, WIDTH, HEIGHT, WIDTH * 4)) {
      return stamp.valid();
    }
  }

  /** Waits until the peer's stamped test pattern is drawn in the other view. */
  void awaitStampedVideo(CallItem item) {
    await(user + " sees the peer's stamped video", () -> otherShowsStamp(item));
  }

  @Override
  public void close() {
    client.close();
  }
}
