package org.parley.app.ui.call;

import java.awt.Window;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.parley.app.ui.CallActions;
import org.parley.app.ui.text.UserMessages;
import org.parley.media.call.CallMedia;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

/**
 * Places, answers and declines calls for the UI and keeps one {@link CallWindow} per live call:
 * an outgoing call's window opens at once ("Calling Bob…", with Cancel), an incoming call's once
 * it is answered. Every update goes to that window; when the SDK removes the call the window
 * closes, and if the call did not end by an ordinary hang-up the user is told why ({@link
 * UserMessages#callEnded}).
 *
 * <p>Subscribe it to {@code UiEvents} (its callbacks then run on the event thread); the {@link
 * CallActions} methods are called on the event thread too.
 */
public final class CallController implements CallActions, CallCallback {
  private static final System.Logger LOG = System.getLogger(CallController.class.getName());

  private final ParleyClient client;
  private final Function<String, String> displayNameOf;
  private final Window owner;
  private final Clock clock;
  private final CallEndNotice notice;
  private final Map<String, CallWindow> windows = new HashMap<>();

  /**
   * A controller for {@code client}'s calls.
   *
   * @param displayNameOf a user id's display name (null or blank: the id is shown)
   * @param owner the main window, to place call windows and notices near (may be null)
   */
  public CallController(ParleyClient client, Function<String, String> displayNameOf, Window owner) {
    this(client, displayNameOf, owner, Clock.systemDefaultZone(), CallEndNotice.dialog());
  }

  CallController(ParleyClient client, Function<String, String> displayNameOf, Window owner,
      Clock clock, CallEndNotice notice) {
    this.client = Objects.requireNonNull(client, "client");
    this.displayNameOf = Objects.requireNonNull(displayNameOf, "displayNameOf");
    this.owner = owner;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.notice = Objects.requireNonNull(notice, "notice");
  }

  // ---------------------------------------------------------------- CallActions

  @Override
  public void placeCall(String userId, boolean video) {
    CallItem item;
    try {
      item = client.calls().call(userId, video, null);
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.INFO, "call refused: " + e.getMessage());
      notice.show(owner, String.valueOf(userId),
          "\"" + userId + "\" is not a user name Parley can call.");
      return;
    }
    open(item);
  }

  @Override
  public void answer(CallItem item, boolean video) {
    client.calls().answer(item, video);
    open(item);
  }

  @Override
  public void decline(CallItem item) {
    client.calls().term(item, CallReason.DECLINE, "");
  }

  // ---------------------------------------------------------------- CallCallback

  @Override
  public void onCallItemUpdate(CallItem item, CallItemChange change) {
    CallWindow w = windows.get(item.id());
    if (w == null && item.direction() == CallDirection.IN
        && (item.state() == CallState.CONNECTING || item.state() == CallState.TALKING)) {
      w = open(item); // answered from elsewhere (another window, a key, the SDK)
    }
    if (w != null) {
      w.update(item);
    }
  }

  @Override
  public void onCallItemRemove(CallItem item, CallReason reason, String description) {
    CallWindow w = windows.remove(item.id());
    if (w == null) {
      return; // never ours (an incoming call we did not answer: history and the notifier tell)
    }
    w.close();
    if (!isOrdinaryEnd(item, reason)) {
      String name = nameOf(item.peerUserId());
      notice.show(owner, name, UserMessages.callEnded(name, item, reason, description));
    }
  }

  @Override
  public void onMessageReceive(CallItem item, String type, String content) {
    CallWindow w = windows.get(item.id());
    if (w != null && CallWindow.MESSAGE_TYPE.equals(type)) {
      w.onMessage(content);
    }
  }

  @Override
  public void onVideoFirstFrame(CallItem item, CallMedia.View view, int width, int height) {
    onVideoSizeChanged(item, view, width, height);
  }

  @Override
  public void onVideoSizeChanged(CallItem item, CallMedia.View view, int width, int height) {
    CallWindow w = windows.get(item.id());
    if (w != null) {
      w.onVideoSize(view, width, height);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Whether a call ended in a way that needs no explanation: someone hung up. */
  static boolean isOrdinaryEnd(CallItem item, CallReason reason) {
    return switch (reason) {
      case NONE, TERM_BY_SELF -> true;
      case TERM_BY_PEER -> item.state() == CallState.OK;
      default -> false;
    };
  }

  /** The window of a live call, or null (tests). */
  CallWindow windowOf(String callId) {
    return windows.get(callId);
  }

  private CallWindow open(CallItem item) {
    CallWindow w = windows.get(item.id());
    if (w != null) {
      w.toFront();
      return w;
    }
    w = new CallWindow(client.calls(), client.mediaDevice(), item, nameOf(item.peerUserId()), clock);
    windows.put(item.id(), w);
    w.showNear(owner);
    return w;
  }

  private String nameOf(String userId) {
    String name = displayNameOf.apply(userId);
    return name == null || name.isBlank() ? userId : name;
  }
}
