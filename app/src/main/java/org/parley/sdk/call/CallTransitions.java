package org.parley.sdk.call;

import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Moves calls through the {@link CallStateMachine} and performs each move's side effects: on
 * talking, the begin time, the timers called off, our flags sent when they differ from what the
 * peer assumes and the statistics poll started; on a final state, the timers called off, the end
 * message the peer needs (cancel, reject, hang-up with a reason), the media closed, the call
 * forgotten and {@link CallCallback#onCallItemRemove} (plus {@link
 * CallCallback#onMissedCallItem} for a missed call). Also applies local flag changes (mute,
 * video, hold) to the media and to the peer. Used on the SDK event thread only.
 */
final class CallTransitions {
  private static final System.Logger LOG = System.getLogger(CallTransitions.class.getName());

  private final CallBook book;
  private final CallOutbox outbox;
  private final CallMediaControl mediaControl;
  private final CallStatistics statistics;
  private final Clock clock;

  CallTransitions(
      CallBook book, CallOutbox outbox, CallMediaControl mediaControl, CallStatistics statistics, Clock clock) {
    this.book = book;
    this.outbox = outbox;
    this.mediaControl = mediaControl;
    this.statistics = statistics;
    this.clock = clock;
  }

  /** Applies {@code event} to call {@code c}; events the state table ignores are only logged. */
  void fire(CallRecord c, CallEvent event, String description) {
    CallStateMachine.Transition t =
        CallStateMachine.next(c.item.direction(), c.item.state(), event);
    if (t == null) {
      LOG.log(System.Logger.Level.DEBUG, "call " + c.item.id() + ": " + event + " ignored in " + c.item.state());
      return;
    }
    if (t.state().isEnded()) {
      end(c, t, event, description);
      return;
    }
    CallItem.Builder b = c.item.toBuilder().state(t.state());
    if (t.state() == CallState.TALKING) {
      b.talkingBeginTime(clock.instant());
      c.cancelTimers();
    } else if (t.state() == CallState.CONNECTING && c.ringTimer != null) {
      c.ringTimer.cancel();
      c.ringTimer = null;
    }
    book.update(c, b.build());
    if (t.state() == CallState.TALKING) {
      CallItem i = c.item;
      if (i.microphoneMuted() || i.held() || i.uploadVideoSelf() != c.announcedVideo) {
        sendMediaUpdate(c);
      }
      statistics.ensureRunning();
    }
  }

  /** {@link #fire} for call {@code id} if it still lives (timers, acks). */
  void fireById(String id, CallEvent event, String description) {
    CallRecord c = book.get(id);
    if (c != null) {
      fire(c, event, description);
    }
  }

  /** Fires {@code event} at every live call. */
  void endAll(CallEvent event, String description) {
    for (CallRecord c : book.records()) {
      fire(c, event, description);
    }
  }

  /**
   * Ends {@code c} with transition {@code t}, which need not come from the state table (calls
   * refused before they were offered).
   */
  void end(CallRecord c, CallStateMachine.Transition t, CallEvent event, String description) {
    c.cancelTimers();
    sendEndMessage(c, event, description);
    mediaControl.close(c);
    book.remove(c);
    CallItem fin = c.item.toBuilder().state(t.state()).reason(t.reason()).description(description).build();
    c.item = fin;
    book.dispatch(cb -> cb.onCallItemRemove(fin, t.reason(), description));
    if (t.state() == CallState.MISSED) {
      book.dispatch(cb -> cb.onMissedCallItem(fin));
    }
  }

  /**
   * Edits our flags of {@code c}, applies them to the media and, when {@code signal} and the
   * call talks, tells the peer about a change of mute, video or hold.
   */
  void change(CallRecord c, UnaryOperator<CallItem.Builder> edit, boolean signal) {
    CallItem before = c.item;
    book.update(c, edit.apply(before.toBuilder()).build());
    mediaControl.applyFlags(c);
    boolean relevant = before.microphoneMuted() != c.item.microphoneMuted()
        || before.uploadVideoSelf() != c.item.uploadVideoSelf()
        || before.held() != c.item.held();
    if (signal && relevant && c.item.state() == CallState.TALKING) {
      sendMediaUpdate(c);
    }
  }

  private void sendMediaUpdate(CallRecord c) {
    CallItem i = c.item;
    outbox.sendQuietly(CallMessages.mediaUpdate(i.id(), i.microphoneMuted(), i.uploadVideoSelf(), i.held()));
  }

  /** Tells the peer (through the server) that we ended the call, when we did. */
  private void sendEndMessage(CallRecord c, CallEvent event, String description) {
    CallItem i = c.item;
    String id = i.id();
    boolean ringing = i.state() == CallState.PENDING || i.state() == CallState.INIT;
    boolean out = i.direction() == CallDirection.OUT;
    switch (event) {
      case LOCAL_TERM, MEDIA_FAILED -> {
        if (ringing && out) {
          if (c.inviteSent) {
            outbox.sendQuietly(CallMessages.cancel(id, false));
          }
        } else if (ringing) {
          outbox.sendQuietly(CallMessages.reject(id, false));
        } else {
          CallReason r = event == CallEvent.MEDIA_FAILED ? CallReason.MEDIA_ERROR : CallReason.TERM_BY_SELF;
          outbox.sendQuietly(CallMessages.hangup(id, r, description));
        }
      }
      case LOCAL_BUSY -> outbox.sendQuietly(CallMessages.reject(id, true));
      case RING_TIMEOUT -> {
        if (out) {
          outbox.sendQuietly(CallMessages.cancel(id, true));
        }
      }
      case CONNECT_TIMEOUT, MEDIA_LOST ->
          outbox.sendQuietly(CallMessages.hangup(id, CallReason.NETWORK, description));
      default -> { }
    }
  }
}
