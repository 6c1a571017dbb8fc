package org.parley.app.ui.incoming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.ui.ScreenDriver;
import org.parley.app.ui.CallActions;
import org.parley.app.ui.UiEvents;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

/** The notifier's real windows on the (Xvfb) display, fed through a direct {@link UiEvents} hub. */
class IncomingCallNotifierTest {
  private static final long DEADLINE_MS = 30_000;

  /** Records answers and declines. */
  static final class RecordingActions implements CallActions {
    final List<String> done = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void placeCall(String userId, boolean video) {
      done.add("place " + userId);
    }

    @Override
    public void answer(CallItem item, boolean video) {
      done.add("answer " + item.id() + (video ? " video" : " voice"));
    }

    @Override
    public void decline(CallItem item) {
      done.add("decline " + item.id());
    }
  }

  /** Counts starts and stops and knows whether it is ringing. */
  static final class FakeRingtone implements Ringtone {
    int starts;
    int stops;
    boolean ringing;

    @Override
    public void start() {
      starts++;
      ringing = true;
    }

    @Override
    public void stop() {
      stops++;
      ringing = false;
    }
  }

  private final UiEvents events = new UiEvents(Runnable::run);
  private final RecordingActions actions = new RecordingActions();
  private final FakeRingtone ringtone = new FakeRingtone();
  private JFrame owner;
  private IncomingCallNotifier notifier;

  @BeforeEach
  void open() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      owner = new JFrame("main window");
      owner.setBounds(0, 0, 300, 200);
      owner.setVisible(true);
      notifier = new IncomingCallNotifier(owner, actions, ringtone,
          user -> user.equals("alice") ? "Alice Martin" : null);
      events.addCallCallback(notifier);
    });
  }

  @AfterEach
  void close() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      notifier.close();
      owner.dispose();
    });
    assertTrue(get(() -> incomingWindows().isEmpty()), "no notification left open");
  }

  private static CallItem call(String id, String from, CallDirection direction, boolean video, CallState state) {
    return CallItem.builder(id, from, direction, Instant.EPOCH).video(video).state(state).build();
  }

  private void onEdt(Runnable r) throws Exception {
    SwingUtilities.invokeAndWait(r);
  }

  private <T> T get(Supplier<T> s) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> out.set(s.get()));
    return out.get();
  }

  private static List<Window> incomingWindows() {
    List<Window> out = new ArrayList<>();
    for (Window w : Window.getWindows()) {
      if (w.isDisplayable() && w.getName() != null && w.getName().startsWith("incoming.")) {
        out.add(w);
      }
    }
    return out;
  }

  private Window windowOf(String callId) throws Exception {
    return get(() -> {
      for (Window w : incomingWindows()) {
        if (w.getName().equals("incoming." + callId) && w.isShowing()) {
          return w;
        }
      }
      return null;
    });
  }

  private static Component findIn(Container root, String name) {
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName())) {
        return c;
      }
      if (c instanceof Container sub) {
        Component found = findIn(sub, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private Component find(Window w, String name) throws Exception {
    return get(() -> findIn(w, name));
  }

  private static void waitFor(String what, BooleanSupplier condition) {
    ScreenDriver.await(what, condition);
  }

  private void robotClick(Component c) throws Exception {
    new ScreenDriver().click(c);
  }

  @Test
  void anIncomingVideoCallShowsAnAlwaysOnTopWindowTopRightAndRings() throws Exception {
    CallItem item = call("c1", "alice", CallDirection.IN, true, CallState.PENDING);
    onEdt(() -> events.onCallItemAdd(item));

    Window w = windowOf("c1");
    assertNotNull(w, "notification shown");
    assertTrue(get(w::isAlwaysOnTop), "always on top");
    assertTrue(ringtone.ringing, "ringing");
    assertEquals("Alice Martin", get(((JLabel) find(w, "incoming.name"))::getText));
    assertEquals("Video call", get(((JLabel) find(w, "incoming.kind"))::getText));
    for (String name : List.of("incoming.video", "incoming.voice", "incoming.decline")) {
      assertNotNull(find(w, name), name);
    }
    Rectangle screen = get(() -> GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getDefaultScreenDevice().getDefaultConfiguration().getBounds());
    Rectangle at = get(w::getBounds);
    assertTrue(at.x + at.width <= screen.x + screen.width && at.x + at.width > screen.x + screen.width - 100,
        "at the right edge: " + at + " on " + screen);
    assertTrue(at.y >= screen.y && at.y < screen.y + 100, "at the top: " + at);
    assertEquals(List.of(item.id()), get(() -> notifier.ringing().stream().map(CallItem::id).toList()));
  }

  @Test
  void answeringWithVoiceCallsTheActionClosesAndStopsRinging() throws Exception {
    CallItem item = call("c1", "alice", CallDirection.IN, true, CallState.PENDING);
    onEdt(() -> events.onCallItemAdd(item));
    Window w = windowOf("c1");
    robotClick(find(w, "incoming.voice"));
    waitFor("the answer", () -> !actions.done.isEmpty());
    assertEquals(List.of("answer c1 voice"), actions.done);
    assertNull(windowOf("c1"), "closed");
    assertFalse(ringtone.ringing, "ringtone stopped");

    // The SDK then reports the call connecting: nothing more happens.
    CallItem connecting = item.toBuilder().state(CallState.CONNECTING).build();
    onEdt(() -> events.onCallItemUpdate(connecting, CallItemChange.between(item, connecting)));
    assertEquals(1, actions.done.size());
  }

  @Test
  void eachButtonCallsItsAction() throws Exception {
    record Case(String button, boolean video, String expected) {}
    List<Case> cases = List.of(
        new Case("incoming.video", true, "answer c1 video"),
        new Case("incoming.voice", true, "answer c1 voice"),
        new Case("incoming.decline", true, "decline c1"),
        new Case("incoming.voice", false, "answer c1 voice"),
        new Case("incoming.decline", false, "decline c1"));
    for (Case c : cases) {
      actions.done.clear();
      CallItem item = call("c1", "bob", CallDirection.IN, c.video(), CallState.PENDING);
      onEdt(() -> events.onCallItemAdd(item));
      Window w = windowOf("c1");
      AbstractButton b = (AbstractButton) find(w, c.button());
      onEdt(b::doClick);
      onEdt(b::doClick); // a double click answers once
      assertEquals(List.of(c.expected()), actions.done, c.toString());
      assertNull(windowOf("c1"), "closed after " + c);
    }
  }

  @Test
  void aVoiceCallOffersNoVideoAnswerAndShowsTheUserIdWithoutAName() throws Exception {
    onEdt(() -> events.onCallItemAdd(call("c2", "bob", CallDirection.IN, false, CallState.PENDING)));
    Window w = windowOf("c2");
    assertNotNull(w);
    assertNull(find(w, "incoming.video"), "no video answer for a voice call");
    assertNotNull(find(w, "incoming.voice"));
    assertEquals("Voice call", get(((JLabel) find(w, "incoming.kind"))::getText));
    assertEquals("bob", get(((JLabel) find(w, "incoming.name"))::getText));
  }

  @Test
  void theWindowClosesWhenTheCallEndsOrIsAnsweredElsewhere() throws Exception {
    record Case(String name, CallItem added, Runnable then) {}
    CallItem c1 = call("c1", "alice", CallDirection.IN, true, CallState.PENDING);
    CallItem connecting = c1.toBuilder().state(CallState.CONNECTING).build();
    List<Case> cases = List.of(
        new Case("cancelled by the caller", c1, () -> events.onCallItemRemove(
            c1.toBuilder().state(CallState.MISSED).reason(CallReason.CANCELED).build(), CallReason.CANCELED, "")),
        new Case("timed out", c1, () -> events.onCallItemRemove(
            c1.toBuilder().state(CallState.MISSED).reason(CallReason.TIMEOUT).build(), CallReason.TIMEOUT, "")),
        new Case("answered elsewhere", c1, () -> events.onCallItemUpdate(connecting,
            CallItemChange.between(c1, connecting))),
        new Case("reported missed", c1, () -> events.onMissedCallItem(
            c1.toBuilder().state(CallState.MISSED).reason(CallReason.NETWORK).build())));
    for (Case c : cases) {
      onEdt(() -> events.onCallItemAdd(c.added()));
      assertNotNull(windowOf("c1"), c.name() + ": shown");
      assertTrue(ringtone.ringing, c.name() + ": ringing");
      onEdt(c.then());
      assertNull(windowOf("c1"), c.name() + ": closed");
      assertFalse(ringtone.ringing, c.name() + ": silent");
    }
    assertEquals(List.of(), actions.done, "no action taken for the user");
  }

  @Test
  void outgoingAndNonRingingCallsAreIgnored() throws Exception {
    onEdt(() -> events.onCallItemAdd(call("o1", "alice", CallDirection.OUT, true, CallState.PENDING)));
    onEdt(() -> events.onCallItemAdd(call("i1", "alice", CallDirection.IN, true, CallState.CONNECTING)));
    assertTrue(get(() -> incomingWindows().isEmpty()));
    assertEquals(0, ringtone.starts);
  }

  @Test
  void aSecondCallStacksBelowAndTheRingStopsWithTheLast() throws Exception {
    CallItem first = call("c1", "alice", CallDirection.IN, true, CallState.PENDING);
    CallItem second = call("c2", "bob", CallDirection.IN, false, CallState.PENDING);
    onEdt(() -> events.onCallItemAdd(first));
    onEdt(() -> events.onCallItemAdd(second));
    onEdt(() -> events.onCallItemAdd(second)); // a repeated add opens nothing more
    assertEquals(2, get(() -> incomingWindows().size()));
    Rectangle a = get(windowOf("c1")::getBounds);
    Rectangle b = get(windowOf("c2")::getBounds);
    assertTrue(b.y >= a.y + a.height, "second below the first: " + a + " / " + b);
    assertEquals(a.x + a.width, b.x + b.width, "right edges aligned");

    onEdt(() -> events.onCallItemRemove(first.toBuilder().state(CallState.MISSED).build(), CallReason.CANCELED, ""));
    assertNull(windowOf("c1"));
    assertNotNull(windowOf("c2"));
    assertTrue(ringtone.ringing, "still ringing for the second call");

    CallItem third = call("c3", "carol", CallDirection.IN, false, CallState.PENDING);
    onEdt(() -> events.onCallItemAdd(third));
    assertEquals(a.y, get(windowOf("c3")::getBounds).y, "a freed top slot is reused");

    onEdt(() -> events.onCallItemRemove(second.toBuilder().state(CallState.MISSED).build(), CallReason.CANCELED, ""));
    onEdt(() -> events.onCallItemRemove(third.toBuilder().state(CallState.MISSED).build(), CallReason.CANCELED, ""));
    assertFalse(ringtone.ringing, "silent after the last");
  }

  @Test
  void anIconifiedMainWindowIsRestored() throws Exception {
    onEdt(() -> owner.setExtendedState(JFrame.ICONIFIED));
    onEdt(() -> events.onCallItemAdd(call("c1", "alice", CallDirection.IN, true, CallState.PENDING)));
    assertEquals(0, get(() -> owner.getExtendedState() & JFrame.ICONIFIED), "de-iconified");
    assertNotNull(windowOf("c1"));
  }
}
