package org.parley.app.ui.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.swing.JLabel;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallState;

/**
 * The call's state in words in the header: "Calling…", "Ringing…", "Connecting…", then the time
 * since talking began ({@code m:ss}, or {@code h:mm:ss} past an hour) on the injected clock.
 * Whoever owns it calls {@link #refresh()} about once a second (the window's ticker). Event
 * thread only.
 */
final class CallTimerLabel extends JLabel {
  private static final long serialVersionUID = 1L;

  private final transient Clock clock;
  private transient CallItem item;

  CallTimerLabel(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    setName("call.timer");
    putClientProperty(CallControlBar.STYLE_CLASS, "secondary");
  }

  /** The call to describe from now on. */
  void setItem(CallItem next) {
    item = next;
    refresh();
  }

  /** Recomputes the text for the clock's current time. */
  void refresh() {
    setText(item == null ? "" : text(item, clock.instant()));
  }

  /** The words for {@code item} at {@code now}. */
  static String text(CallItem item, Instant now) {
    if (item.held()) {
      return "On hold";
    }
    if (item.otherHeld()) {
      return "On hold by the other side";
    }
    CallState state = item.state();
    return switch (state) {
      case INIT -> "Calling…";
      case PENDING -> item.direction() == CallDirection.OUT ? "Ringing…" : "Incoming call…";
      case CONNECTING -> "Connecting…";
      case TALKING -> item.talkingBeginTime() == null
          ? "Connecting…"
          : duration(Duration.between(item.talkingBeginTime(), now));
      default -> "Call ended";
    };
  }

  /** {@code m:ss} under an hour, {@code h:mm:ss} from an hour on; negative counts as zero. */
  static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long h = s / 3600;
    long m = s % 3600 / 60;
    long sec = s % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
  }
}
