package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.media.call.CallMedia;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

/**
 * The controller's bookkeeping with a client that never logs in (its SDK actions on unknown calls
 * are ignored), callbacks fed by hand on the event thread.
 */
class CallControllerTest {
  private ParleyClient client;
  private final List<String> notices = new ArrayList<>();
  private CallController controller;

  @BeforeEach
  void setUp() {
    client = new ParleyClient(ParleyConfig.builder(URI.create("ws://127.0.0.1:9/signalling"), "alice").build());
    controller = new CallController(client, id -> id.equals("bob") ? "Bob" : null, null,
        new FakeClock(Items.T0), (owner, peer, message) -> notices.add(peer + ": " + message));
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    SwingUtilities.invokeAndWait(() -> {
      for (java.awt.Window w : java.awt.Window.getWindows()) {
        w.dispose();
      }
    });
  }

  @Test
  void malformedUserIdIsExplainedAndOpensNothing() throws Exception {
    SwingUtilities.invokeAndWait(() -> controller.placeCall("not a user!", true));
    assertEquals(List.of("not a user!: \"not a user!\" is not a user name Parley can call."), notices);
  }

  @Test
  void answeredCallGetsAWindowUpdatesChatAndAnExplainedEnd() throws Exception {
    CallItem ringing = Items.call(CallDirection.IN, CallState.PENDING).build();
    CallItem talking = ringing.toBuilder().state(CallState.TALKING).talkingBeginTime(Items.T0)
        .uploadVideoOther(true).otherMicrophoneMuted(true).build();
    CallWindow[] w = new CallWindow[1];
    String[] seen = new String[2];
    SwingUtilities.invokeAndWait(() -> {
      controller.answer(ringing, true);
      w[0] = controller.windowOf("c1");
      controller.onCallItemUpdate(talking, CallItemChange.between(ringing, talking));
      controller.onVideoSizeChanged(talking, CallMedia.View.OTHER, 640, 360);
      controller.onMessageReceive(talking, "text", "hi");
      controller.onMessageReceive(talking, "app/other", "ignored");
      seen[0] = w[0].header().badgeText();
      seen[1] = w[0].getTitle();
    });
    assertNotNull(w[0]);
    assertEquals("Bob muted their microphone", seen[0]);
    assertEquals("Call with Bob", seen[1]);
    assertEquals(List.of("hi"), w[0].chat().messages().stream().map(ChatMessage::text).toList());
    assertEquals("640 × 360", w[0].statistics().values().get(1));

    CallItem ended = talking.toBuilder().state(CallState.ERROR).reason(CallReason.NETWORK).build();
    SwingUtilities.invokeAndWait(() -> controller.onCallItemRemove(ended, CallReason.NETWORK, "media timeout"));
    assertTrue(w[0].isClosed());
    assertNull(controller.windowOf("c1"));
    assertEquals(1, notices.size());
    assertTrue(notices.get(0).startsWith("Bob: The connection to Bob was lost"), notices.toString());
  }

  @Test
  void keysToggleStatisticsAndClosingTheWindowHangsUp() throws Exception {
    CallItem ringing = Items.call(CallDirection.IN, CallState.PENDING).build();
    boolean[] seen = new boolean[4];
    SwingUtilities.invokeAndWait(() -> {
      controller.answer(ringing, true);
      CallWindow w = controller.windowOf("c1");
      javax.swing.ActionMap keys = w.getRootPane().getActionMap();
      keys.get("statistics").actionPerformed(null);
      seen[0] = w.statistics().isVisible()
          && w.controls().button(CallControlBar.Control.STATS).isSelected();
      keys.get("statistics").actionPerformed(null);
      seen[1] = w.statistics().isVisible();
      w.dispatchEvent(new java.awt.event.WindowEvent(w, java.awt.event.WindowEvent.WINDOW_CLOSING));
      seen[2] = w.isClosed();
      seen[3] = w.isDisplayable();
    });
    assertTrue(seen[0], "I shows the statistics");
    assertFalse(seen[1], "and hides them again");
    assertTrue(seen[2], "the close box ends the call without asking");
    assertFalse(seen[3]);
  }

  @Test
  void unansweredIncomingCallsAreNotOurs() throws Exception {
    CallItem ringing = Items.call(CallDirection.IN, CallState.PENDING).build();
    CallItem missed = ringing.toBuilder().state(CallState.MISSED).reason(CallReason.CANCELED).build();
    SwingUtilities.invokeAndWait(() -> {
      controller.onCallItemAdd(ringing);
      controller.onCallItemRemove(missed, CallReason.CANCELED, "");
    });
    assertNull(controller.windowOf("c1"));
    assertEquals(List.of(), notices, "missed calls are the history's and the notifier's business");
  }

  @Test
  void callAnsweredElsewhereStillGetsAWindow() throws Exception {
    CallItem ringing = Items.call(CallDirection.IN, CallState.PENDING).build();
    CallItem connecting = ringing.toBuilder().state(CallState.CONNECTING).build();
    SwingUtilities.invokeAndWait(() -> controller.onCallItemUpdate(connecting,
        CallItemChange.of(CallItemChange.Field.STATE)));
    CallWindow w = controller.windowOf("c1");
    assertNotNull(w);
    SwingUtilities.invokeAndWait(() -> controller.onCallItemRemove(
        connecting.toBuilder().state(CallState.OK).reason(CallReason.TERM_BY_SELF).build(), CallReason.TERM_BY_SELF, ""));
    assertTrue(w.isClosed());
    assertEquals(List.of(), notices);
  }
}
