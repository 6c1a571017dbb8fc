package org.parley.app.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ui.ScreenDriver;
import org.parley.app.ui.CallActions;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

class HistoryPanelTest {
  /** 2026-11-21 15:00 UTC: "today" for the panel. */
  static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");

  @TempDir Path dir;
  final CallHistoryTest.FakeClock clock = new CallHistoryTest.FakeClock(NOW);
  final List<String> placed = new CopyOnWriteArrayList<>();
  final CallActions actions = new CallActions() {
    @Override public void placeCall(String userId, boolean video) { placed.add(userId + (video ? " video" : " voice")); }

    @Override public void answer(CallItem item, boolean video) { throw new AssertionError("not expected"); }

    @Override public void decline(CallItem item) { throw new AssertionError("not expected"); }
  };
  CallHistory history;
  JFrame frame;
  HistoryPanel panel;

  @BeforeEach
  void setUp() throws Exception {
    history = new CallHistory(dir.resolve("history.json"), clock);
    history.flush();
    SwingUtilities.invokeAndWait(() -> {
      FlatLightLaf.setup();
      // Newest first in the list: alice (today, missed), bob (today, answered), carol
      // (yesterday, outgoing no answer), dave (a week ago, incoming answered).
      end(call("c-dave", "dave", CallDirection.IN, CallState.OK, CallReason.TERM_BY_PEER,
          NOW.minus(Duration.ofDays(7)), Duration.ofMinutes(2)), Duration.ofMinutes(2));
      end(call("c-carol", "carol", CallDirection.OUT, CallState.CANCEL, CallReason.TIMEOUT,
          NOW.minus(Duration.ofHours(20)), null), Duration.ofSeconds(60));
      end(call("c-bob", "bob", CallDirection.OUT, CallState.OK, CallReason.TERM_BY_SELF,
          NOW.minus(Duration.ofHours(2)), Duration.ofSeconds(185)), Duration.ofSeconds(185));
      clock.now = NOW;
      history.onMissedCallItem(call("c-alice", "alice", CallDirection.IN, CallState.MISSED, CallReason.TIMEOUT,
          NOW.minus(Duration.ofMinutes(5)), null));
      panel = new HistoryPanel(history, actions, Map.of("alice", "Alice A.", "bob", "Bob B.")::get);
    });
  }

  @AfterEach
  void tearDown() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      if (frame != null) {
        frame.dispose();
      }
    });
    history.close();
  }

  /** Ends {@code item} {@code after} its talking began (or its begin, if never answered). */
  void end(CallItem item, Duration after) {
    Instant from = item.talkingBeginTime() != null ? item.talkingBeginTime() : item.beginTime();
    clock.now = from.plus(after);
    history.onCallItemRemove(item, item.reason(), "");
  }

  static CallItem call(String id, String peer, CallDirection dir, CallState state, CallReason reason, Instant begin,
      Duration talked) {
    CallItem.Builder b = CallItem.builder(id, peer, dir, begin).video(true).state(state).reason(reason);
    if (talked != null) {
      b.talkingBeginTime(begin.plusSeconds(1));
    }
    return b.build();
  }

  void show() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      frame = new JFrame("history test");
      frame.setContentPane(panel);
      frame.setSize(new Dimension(520, 480));
      frame.setLocation(0, 0);
      frame.setVisible(true);
    });
  }

  static Component find(Container root, String name) {
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName())) {
        return c;
      }
      if (c instanceof Container child) {
        Component found = find(child, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Named components of the list in display order (headers and rows). */
  static List<String> order(Container list) {
    List<String> names = new ArrayList<>();
    for (Component c : list.getComponents()) {
      names.add(c.getName());
    }
    return names;
  }

  <T> T onEdt(java.util.concurrent.Callable<T> task) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Exception> err = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      try {
        out.set(task.call());
      } catch (Exception e) {
        err.set(e);
      }
    });
    if (err.get() != null) {
      throw err.get();
    }
    return out.get();
  }

  @Test
  void rowsAreGroupedByDayNewestFirst() throws Exception {
    List<String> names = onEdt(() -> order((Container) find(panel, "history.list")));
    assertEquals(List.of("history.group.today", "history.row.0", "history.row.1", "history.group.yesterday",
        "history.row.2", "history.group.earlier", "history.row.3"), names);
    assertEquals("Alice A.", onEdt(() -> ((JLabel) find(panel, "history.name.0")).getText()));
    assertEquals("carol", onEdt(() -> ((JLabel) find(panel, "history.name.2")).getText()));
    assertEquals("Outgoing \u00b7 Video call \u00b7 3:05", onEdt(() -> ((JLabel) find(panel, "history.detail.1")).getText()));
    assertEquals("No answer \u00b7 Video call", onEdt(() -> ((JLabel) find(panel, "history.detail.2")).getText()));
    assertEquals("14:55", onEdt(() -> ((JLabel) find(panel, "history.time.0")).getText()));
    assertTrue(onEdt(() -> ((JLabel) find(panel, "history.time.3")).getText()).startsWith("14 Nov"));
  }

  @Test
  void missedCallIsMarkedInTheErrorColour() throws Exception {
    JLabel missed = onEdt(() -> (JLabel) find(panel, "history.detail.0"));
    JLabel answered = onEdt(() -> (JLabel) find(panel, "history.detail.1"));
    assertTrue(missed.getText().startsWith("Missed"), missed.getText());
    assertEquals(onEdt(HistoryIcons::errorColor), missed.getForeground());
    assertEquals(onEdt(HistoryIcons::errorColor), ((JLabel) find(panel, "history.name.0")).getForeground());
    assertNotEquals(missed.getForeground(), answered.getForeground());
    assertFalse(answered.getText().contains("Missed"));
  }

  @Test
  void unseenMissedCountsUntilThePanelIsShown() throws Exception {
    assertEquals(1, onEdt(panel::unseenMissed));
    assertEquals("History (1)", onEdt(panel::tabTitle));
    show();
    assertEquals(0, onEdt(panel::unseenMissed));
    assertEquals("History", onEdt(panel::tabTitle));
  }

  @Test
  void missedCallArrivingWhileShownCountsAsSeen() throws Exception {
    show();
    waitFor(() -> history.unseenMissed() == 0);
    onEdt(() -> {
      history.onMissedCallItem(call("c-late", "frank", CallDirection.IN, CallState.MISSED, CallReason.CANCELED,
          NOW.minusSeconds(1), null));
      return null;
    });
    waitFor(() -> history.unseenMissed() == 0);
    assertEquals("frank", onEdt(() -> ((JLabel) find(panel, "history.name.0")).getText()));
  }

  @Test
  void callBackButtonsPlaceCallsThroughCallActions() throws Exception {
    show();
    Robot robot = new Robot();
    robot.waitForIdle();
    click(robot, "history.callback.video.0");
    waitFor(() -> placed.size() == 1);
    click(robot, "history.callback.voice.2");
    waitFor(() -> placed.size() == 2);
    assertEquals(List.of("alice video", "carol voice"), placed);
  }

  void click(Robot robot, String name) throws Exception {
    Point p = onEdt(() -> {
      Component c = find(panel, name);
      assertNotNull(c, name);
      Point at = c.getLocationOnScreen();
      return new Point(at.x + c.getWidth() / 2, at.y + c.getHeight() / 2);
    });
    robot.mouseMove(p.x, p.y);
    robot.waitForIdle();
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
  }

  static void waitFor(java.util.function.BooleanSupplier condition) {
    ScreenDriver.await("the condition", condition);
  }

  @Test
  void clearAsksFirstAndOnlyClearsOnYes() throws Exception {
    List<String> asked = new ArrayList<>();
    onEdt(() -> {
      panel.setConfirmation(q -> { asked.add(q); return false; });
      ((AbstractButton) find(panel, "history.clear")).doClick();
      return null;
    });
    assertEquals(1, asked.size());
    assertEquals(4, history.entries().size());
    onEdt(() -> {
      panel.setConfirmation(q -> true);
      ((AbstractButton) find(panel, "history.clear")).doClick();
      return null;
    });
    assertEquals(List.of(), history.entries());
    assertNotNull(onEdt(() -> find(panel, "history.empty")));
    assertNull(onEdt(() -> find(panel, "history.row.0")));
    assertFalse(onEdt(() -> find(panel, "history.clear").isEnabled()));
  }

  @Test
  void newCallsAppearAtTheTop() throws Exception {
    onEdt(() -> {
      history.onCallItemRemove(call("c-new", "erin", CallDirection.OUT, CallState.OK, CallReason.TERM_BY_SELF,
          NOW.minusSeconds(10), Duration.ofSeconds(3)), CallReason.TERM_BY_SELF, "");
      return null;
    });
    assertEquals("erin", onEdt(() -> ((JLabel) find(panel, "history.name.0")).getText()));
    assertEquals("Alice A.", onEdt(() -> ((JLabel) find(panel, "history.name.1")).getText()));
  }
}
