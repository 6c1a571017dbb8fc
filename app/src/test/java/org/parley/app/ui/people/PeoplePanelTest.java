package org.parley.app.ui.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.ui.ScreenDriver;
import org.parley.app.ui.CallActions;
import org.parley.app.ui.UiEvents;
import org.parley.sdk.Peer;
import org.parley.sdk.call.CallItem;

/** The real panel on the (Xvfb) display, fed through a direct {@link UiEvents} hub. */
class PeoplePanelTest {
  private static final long DEADLINE_MS = 30_000;

  /** Records what the panel asked for. */
  static final class RecordingActions implements CallActions {
    final List<String> placed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void placeCall(String userId, boolean video) {
      placed.add(userId + (video ? " video" : " voice"));
    }

    @Override
    public void answer(CallItem item, boolean video) {
      placed.add("answer " + item.id());
    }

    @Override
    public void decline(CallItem item) {
      placed.add("decline " + item.id());
    }
  }

  private final UiEvents events = new UiEvents(Runnable::run);
  private final RecordingActions actions = new RecordingActions();
  private JFrame frame;
  private PeoplePanel panel;

  @BeforeEach
  void open() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      panel = new PeoplePanel(events, actions, "me");
      frame = new JFrame("people test");
      frame.setContentPane(panel);
      frame.setBounds(0, 0, 520, 640);
      frame.setVisible(true);
    });
  }

  @AfterEach
  void close() throws Exception {
    SwingUtilities.invokeAndWait(() -> {
      panel.detach();
      frame.dispose();
    });
  }

  private static Peer peer(String user, String name, String status) {
    return new Peer(user, name, status);
  }

  private static List<Peer> team() {
    return List.of(
        peer("me", "Myself", "online"),
        peer("carol", "Carol Alvarez", "offline"),
        peer("bob", "bob", "online"),
        peer("alice", "Alice Martin", "busy"),
        peer("u42", "Zoe", "online"),
        peer("emile", "Émile Durand", "online"),
        peer("echo", "echo", "online"));
  }

  /** Runs {@code r} on the event thread, then lets the panel's coalesced refresh run. */
  private void onEdt(Runnable r) throws Exception {
    SwingUtilities.invokeAndWait(r);
    SwingUtilities.invokeAndWait(() -> {});
  }

  private <T> T get(Supplier<T> s) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> out.set(s.get()));
    return out.get();
  }

  private <T extends Component> T find(String name, Class<T> type) throws Exception {
    Component c = get(() -> findIn(frame, name));
    assertNotNull(c, "no component named " + name);
    return type.cast(c);
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

  private void search(String text) throws Exception {
    JTextField field = find("people.search", JTextField.class);
    onEdt(() -> field.setText(text));
  }

  private static void waitFor(String what, BooleanSupplier condition) {
    ScreenDriver.await(what, condition);
  }

  private void click(Component c) throws Exception {
    new ScreenDriver().click(c);
  }

  @Test
  void onlineFirstThenByNameWithEchoPinnedAndTheOwnUserHidden() throws Exception {
    onEdt(() -> events.onPeersChanged(team()));
    assertEquals(List.of("echo", "alice", "bob", "emile", "u42", "carol"), get(panel::shownUsers),
        "echo first; available and in-a-call by name (Alice, bob, Émile, Zoe); offline last");

    record Step(String name, Peer change, List<String> expected) {}
    List<Step> steps = List.of(
        new Step("carol comes online and sorts in by name", peer("carol", "Carol Alvarez", "online"),
            List.of("echo", "alice", "bob", "carol", "emile", "u42")),
        new Step("bob goes offline and drops to the end", peer("bob", "bob", "offline"),
            List.of("echo", "alice", "carol", "emile", "u42", "bob")),
        new Step("a newcomer arrives through presence alone", peer("dan", "Dan", "online"),
            List.of("echo", "alice", "carol", "dan", "emile", "u42", "bob")),
        new Step("echo stays pinned even when offline", peer("echo", "echo", "offline"),
            List.of("echo", "alice", "carol", "dan", "emile", "u42", "bob")),
        new Step("the own user never shows", peer("me", "Myself", "online"),
            List.of("echo", "alice", "carol", "dan", "emile", "u42", "bob")),
        new Step("a renamed peer is re-sorted", peer("u42", "Aaron", "online"),
            List.of("echo", "u42", "alice", "carol", "dan", "emile", "bob")));
    for (Step s : steps) {
      onEdt(() -> events.onPresence(s.change()));
      assertEquals(s.expected(), get(panel::shownUsers), s.name());
    }

    onEdt(() -> events.onPeersChanged(List.of(peer("bob", "bob", "online"))));
    assertEquals(List.of("bob"), get(panel::shownUsers), "a new full list replaces the old one");
  }

  @Test
  void rowsShowNamePresenceAndTheEchoTestLabel() throws Exception {
    onEdt(() -> events.onPeersChanged(team()));
    record Case(String user, String name, String detail, String presence, String initials) {}
    for (Case c : List.of(
        new Case("echo", "Echo test", "Check your camera, microphone and network", "Available", "ET"),
        new Case("alice", "Alice Martin", "alice", "In a call", "AM"),
        new Case("bob", "bob", "bob", "Available", "B"),
        new Case("carol", "Carol Alvarez", "carol", "Offline", "CA"))) {
      PeerRow row = find("people.row." + c.user(), PeerRow.class);
      assertEquals(List.of(c.name(), c.detail(), c.presence(), c.initials()),
          get(() -> List.of(row.nameText(), row.detailText(), row.presenceText(), row.initials())), c.user());
      assertEquals(c.name(), get(() -> panel.displayNameOf(c.user())), "displayNameOf " + c.user());
    }
    assertEquals("stranger", get(() -> panel.displayNameOf("stranger")), "unknown: the user id");
  }

  @Test
  void searchFiltersByNameOrUserIdIgnoringCaseAndAccents() throws Exception {
    onEdt(() -> events.onPeersChanged(team()));
    record Case(String query, List<String> expected) {}
    List<Case> cases = List.of(
        new Case("", List.of("echo", "alice", "bob", "emile", "u42", "carol")),
        new Case("AL", List.of("alice", "carol")),
        new Case("  bob ", List.of("bob")),
        new Case("u4", List.of("u42")),
        new Case("zoe", List.of("u42")),
        new Case("emi", List.of("emile")),
        new Case("ÉCH", List.of("echo")),
        new Case("test", List.of("echo")),
        new Case("myself", List.of()),
        new Case("zz", List.of()));
    for (Case c : cases) {
      search(c.query());
      assertEquals(c.expected(), get(panel::shownUsers), "search '" + c.query() + "'");
      JTextArea noMatch = find("people.nomatch", JTextArea.class);
      assertEquals(c.expected().isEmpty(), get(noMatch::isShowing), "no-match state for '" + c.query() + "'");
      if (c.expected().isEmpty()) {
        assertEquals("No one matches \u201c" + c.query().strip() + "\u201d.", get(noMatch::getText));
      }
    }
  }

  @Test
  void emptyStateWhenNoOneElseIsThere() throws Exception {
    onEdt(() -> events.onPeersChanged(List.of(peer("me", "Me", "online"), peer("echo", "echo", "online"))));
    JTextArea empty = find("people.empty", JTextArea.class);
    assertTrue(get(empty::isShowing), "empty state shown");
    assertEquals(PeoplePanel.EMPTY_TEXT, get(empty::getText));
    assertEquals(List.of("echo"), get(panel::shownUsers), "the echo test is still offered");
    onEdt(() -> events.onPresence(peer("bob", "Bob", "online")));
    assertFalse(get(empty::isShowing), "empty state gone once someone arrives");
  }

  @Test
  void callButtonsAreDisabledForOfflinePeersOnly() throws Exception {
    onEdt(() -> events.onPeersChanged(team()));
    record Case(String user, boolean enabled) {}
    for (Case c : List.of(new Case("bob", true), new Case("alice", true), new Case("carol", false),
        new Case("echo", true))) {
      for (String kind : List.of("video", "voice")) {
        AbstractButton b = find("people." + kind + "." + c.user(), AbstractButton.class);
        assertEquals(c.enabled(), get(b::isEnabled), kind + " button of " + c.user());
      }
    }
    onEdt(() -> events.onPresence(peer("carol", "Carol Alvarez", "online")));
    assertTrue(get(find("people.video.carol", AbstractButton.class)::isEnabled), "enabled once online");
  }

  @Test
  void clickingTheVideoButtonPlacesAVideoCall() throws Exception {
    onEdt(() -> events.onPeersChanged(team()));
    click(find("people.video.bob", AbstractButton.class));
    waitFor("a call to bob", () -> !actions.placed.isEmpty());
    assertEquals(List.of("bob video"), actions.placed);

    AbstractButton voice = find("people.voice.alice", AbstractButton.class);
    onEdt(voice::doClick);
    assertEquals(List.of("bob video", "alice voice"), actions.placed, "calling a busy peer is allowed");

    AbstractButton offline = find("people.video.carol", AbstractButton.class);
    click(offline);
    onEdt(() -> {});
    assertEquals(2, actions.placed.size(), "an offline peer's button does nothing");
  }

  @Test
  void enterOnTheSelectedRowStartsAVideoCall() throws Exception {
    onEdt(() -> events.onPeersChanged(team()));
    click(find("people.row.emile", PeerRow.class)); // selects the row, focuses the list
    assertEquals("emile", get(panel::selectedUser));
    Robot robot = new Robot();
    robot.setAutoWaitForIdle(true);
    robot.keyPress(KeyEvent.VK_DOWN);
    robot.keyRelease(KeyEvent.VK_DOWN);
    robot.waitForIdle();
    assertEquals("u42", get(panel::selectedUser), "Down moves to the next row");
    robot.keyPress(KeyEvent.VK_ENTER);
    robot.keyRelease(KeyEvent.VK_ENTER);
    robot.waitForIdle();
    waitFor("the call", () -> !actions.placed.isEmpty());
    assertEquals(List.of("u42 video"), actions.placed);
  }

  @Test
  void fiveHundredPeersLoadReorderAndFilter() throws Exception {
    List<Peer> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(peer(String.format("user%03d", i), String.format("Person %03d", 499 - i),
          i % 3 == 0 ? "offline" : "online"));
    }
    long t0 = System.nanoTime();
    onEdt(() -> events.onPeersChanged(many));
    onEdt(() -> frame.validate());
    long load = System.nanoTime() - t0;
    List<String> shown = get(panel::shownUsers);
    assertEquals(500, shown.size());
    assertEquals("user499", shown.get(0), "Person 000 (online) first");

    long t1 = System.nanoTime();
    onEdt(() -> {
      for (int i = 0; i < 500; i += 3) {
        events.onPresence(peer(String.format("user%03d", i), String.format("Person %03d", 499 - i), "online"));
      }
    });
    onEdt(() -> frame.validate());
    long burst = System.nanoTime() - t1;
    assertEquals(String.format("user%03d", 499), get(panel::shownUsers).get(0));
    assertEquals(500, get(panel::shownUsers).size());

    long t2 = System.nanoTime();
    search("person 25");
    long filter = System.nanoTime() - t2;
    assertEquals(10, get(panel::shownUsers).size(), "Person 250..259");

    search("");
    PeerListView view = find("people.list", PeerListView.class);
    int components = get(view::rowComponents);
    assertTrue(components < 60, "only a screenful of rows exists: " + components);
    onEdt(() -> view.getActionMap().get("people.end").actionPerformed(null));
    onEdt(() -> frame.validate());
    String last = get(panel::shownUsers).get(499);
    assertEquals(last, get(panel::selectedUser), "End selects the last person");
    PeerRow lastRow = find("people.row." + last, PeerRow.class);
    waitFor("the last row scrolled into view", () -> {
      try {
        return get(lastRow::isShowing) && get(lastRow::isSelected);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertEquals(components, (int) get(view::rowComponents), "rows were recycled, not added");
    // Figures for the report only (never asserted: the machine is shared).
    System.out.printf("people 500: load %d ms, 167-presence burst %d ms, filter %d ms%n",
        load / 1_000_000, burst / 1_000_000, filter / 1_000_000);
  }
}
