package org.parley.app.ui.incoming;

import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.Taskbar;
import java.awt.Toolkit;
import java.awt.Window;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.parley.app.ui.CallActions;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

/**
 * Announces incoming calls. Subscribe it to the {@code UiEvents} hub (callbacks then arrive on
 * the Swing event thread). For each incoming ringing call it opens an {@link
 * IncomingCallWindow} (a second call's window stacks below the first), starts the ringtone,
 * de-iconifies and raises the owner window and asks the taskbar for the user's attention (a beep
 * where there is no taskbar support). Answer and decline go to {@link CallActions}; the window
 * closes when the user chooses, when the call leaves ringing (answered, here or elsewhere),
 * or when it ends (cancelled by the caller, timed out, missed). The ringtone stops with the last
 * window. Call {@link #close()} on shutdown.
 */
public final class IncomingCallNotifier implements CallCallback {
  private static final System.Logger LOG = System.getLogger(IncomingCallNotifier.class.getName());

  private final Window owner;
  private final CallActions actions;
  private final Ringtone ringtone;
  private final Function<String, String> displayNameOf;
  private final Map<String, IncomingCallWindow> windows = new LinkedHashMap<>();
  private final IncomingCallWindow.Listener choices = new IncomingCallWindow.Listener() {
    @Override
    public void onIncomingAnswer(CallItem item, boolean video) {
      dismiss(item.id());
      actions.answer(item, video);
    }

    @Override
    public void onIncomingDecline(CallItem item) {
      dismiss(item.id());
      actions.decline(item);
    }
  };

  /**
   * A notifier that raises {@code owner} (may be null) on a call, answers and declines through
   * {@code actions}, rings {@code ringtone}, and names callers with {@code displayNameOf} (the
   * user id where it returns null or blank).
   */
  public IncomingCallNotifier(Window owner, CallActions actions, Ringtone ringtone,
      Function<String, String> displayNameOf) {
    this.owner = owner;
    this.actions = Objects.requireNonNull(actions, "actions");
    this.ringtone = Objects.requireNonNull(ringtone, "ringtone");
    this.displayNameOf = Objects.requireNonNull(displayNameOf, "displayNameOf");
  }

  @Override
  public void onCallItemAdd(CallItem item) {
    if (item.direction() != CallDirection.IN || item.state() != CallState.PENDING
        || windows.containsKey(item.id())) {
      return;
    }
    IncomingCallWindow w = new IncomingCallWindow(item, nameOf(item.peerUserId()), freeSlot(), choices);
    windows.put(item.id(), w);
    raiseOwner();
    w.present(screen());
    ringtone.start();
    requestAttention();
  }

  @Override
  public void onCallItemUpdate(CallItem item, CallItemChange change) {
    IncomingCallWindow w = windows.get(item.id());
    if (w == null) {
      return;
    }
    if (item.state() == CallState.PENDING) {
      w.update(item);
    } else {
      dismiss(item.id()); // answered (here or on another device) or ended
    }
  }

  @Override
  public void onCallItemRemove(CallItem item, CallReason reason, String description) {
    dismiss(item.id());
  }

  @Override
  public void onMissedCallItem(CallItem item) {
    dismiss(item.id());
  }

  /** Closes every notification and stops the ringtone (idempotent). */
  public void close() {
    for (String id : new ArrayList<>(windows.keySet())) {
      dismiss(id);
    }
    ringtone.stop();
  }

  /** The calls currently announced, oldest first. */
  public List<CallItem> ringing() {
    List<CallItem> out = new ArrayList<>();
    windows.values().forEach(w -> out.add(w.item()));
    return out;
  }

  private void dismiss(String callId) {
    IncomingCallWindow w = windows.remove(callId);
    if (w != null) {
      w.setVisible(false);
      w.dispose();
    }
    if (windows.isEmpty()) {
      ringtone.stop();
    }
  }

  private String nameOf(String user) {
    String n = displayNameOf.apply(user);
    return n == null || n.isBlank() ? user : n;
  }

  private int freeSlot() {
    BitSet used = new BitSet();
    windows.values().forEach(w -> used.set(w.slot()));
    return used.nextClearBit(0);
  }

  private GraphicsConfiguration screen() {
    return owner != null && owner.isShowing() ? owner.getGraphicsConfiguration() : null;
  }

  /** Brings the main window back from the taskbar and in front of other applications. */
  private void raiseOwner() {
    if (owner == null) {
      return;
    }
    if (owner instanceof Frame f && (f.getExtendedState() & Frame.ICONIFIED) != 0) {
      f.setExtendedState(f.getExtendedState() & ~Frame.ICONIFIED);
    }
    if (owner.isShowing()) {
      owner.toFront();
    }
  }

  /** Flashes the taskbar entry where the desktop supports it, else beeps once. */
  private void requestAttention() {
    try {
      if (Taskbar.isTaskbarSupported()) {
        Taskbar taskbar = Taskbar.getTaskbar();
        if (owner != null && owner.isShowing() && taskbar.isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
          taskbar.requestWindowUserAttention(owner);
          return;
        }
        if (taskbar.isSupported(Taskbar.Feature.USER_ATTENTION)) {
          taskbar.requestUserAttention(true, false);
          return;
        }
      }
    } catch (RuntimeException e) { // unsupported or refused by the desktop: fall back to a beep
      LOG.log(System.Logger.Level.DEBUG, "Taskbar attention unavailable: " + e.getMessage());
    }
    Toolkit.getDefaultToolkit().beep();
  }
}
