package org.parley.app.ui.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

/**
 * One finished call as the history keeps it: who, which way, video or voice, when it began,
 * when talking began (null if it never did), how long the talking lasted, and how it ended.
 *
 * @param callId the SDK's call id (the history's key: one entry per call)
 * @param peerUserId the other party's user id
 * @param talkingBeginTime null when the call was never answered
 * @param duration the talking time, {@link Duration#ZERO} when never answered
 * @param description the free text that came with the end (never null)
 */
public record CallRecordEntry(
    String callId,
    String peerUserId,
    CallDirection direction,
    boolean video,
    Instant beginTime,
    Instant talkingBeginTime,
    Duration duration,
    CallState state,
    CallReason reason,
    String description) {

  public CallRecordEntry {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(peerUserId, "peerUserId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(beginTime, "beginTime");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    duration = duration == null || duration.isNegative() ? Duration.ZERO : duration;
    description = description == null ? "" : description;
  }

  /**
   * The entry for a call that ended at {@code end}: the duration runs from the talking begin to
   * {@code end} (zero when talking never began).
   */
  public static CallRecordEntry of(CallItem item, CallReason reason, String description, Instant end) {
    Instant talking = item.talkingBeginTime();
    Duration d = talking == null ? Duration.ZERO : Duration.between(talking, end);
    return new CallRecordEntry(item.id(), item.peerUserId(), item.direction(), item.video(),
        item.beginTime(), talking, d, item.state(), reason == null ? item.reason() : reason,
        description == null ? item.description() : description);
  }

  /** True for an incoming call nobody answered (rang out, cancelled, refused busy, offline). */
  public boolean missed() {
    return direction == CallDirection.IN && state == CallState.MISSED;
  }

  /** True when the call was answered and talking began. */
  public boolean answered() {
    return talkingBeginTime != null;
  }
}
