package org.parley.sdk.call;

import org.parley.media.call.CallMedia;
import org.parley.media.events.MediaEvent;
import org.parley.media.jni.ParleyCore;
import org.parley.sdk.event.SdkScheduler;

/**
 * Watches the calls' media and runs the per-call timers. A media timeout ends the call with
 * {@link CallReason#NETWORK}; an RTCP BYE starts the BYE grace ({@link CallConfig#byeGraceMs()}):
 * a hang-up arriving within it ends the call normally, otherwise it ends with NETWORK (the peer's
 * process died or its network went away). First-frame and video-size events go to the
 * application. The timers (ring, connect, BYE grace) fire their {@link CallEvent} only if the call
 * still lives; a call's timers are called off when it talks or ends. Used on the SDK event thread.
 */
final class CallMediaEvents {
  private static final System.Logger LOG = System.getLogger(CallMediaEvents.class.getName());

  private final CallBook book;
  private final CallTransitions transitions;
  private final SdkScheduler scheduler;
  private final long byeGraceMs;

  CallMediaEvents(CallBook book, CallTransitions transitions, SdkScheduler scheduler, long byeGraceMs) {
    this.book = book;
    this.transitions = transitions;
    this.scheduler = scheduler;
    this.byeGraceMs = byeGraceMs;
  }

  /** A media listener for call {@code id} that hands its events to the event thread. */
  CallMediaSession.Listener listenerFor(String id) {
    return e -> scheduler.execute(() -> handle(id, e));
  }

  /** Fires {@code event} at call {@code id} after {@code delayMs}, if it still lives then. */
  SdkScheduler.Cancellable timer(String id, CallEvent event, String description, long delayMs) {
    return scheduler.schedule(() -> transitions.fireById(id, event, description), delayMs);
  }

  private void handle(String id, MediaEvent e) {
    CallRecord c = book.get(id);
    if (c == null) {
      return;
    }
    CallItem item = c.item;
    CallMedia.View view = e.value() == ParleyCore.CALL_VIEW_OTHER ? CallMedia.View.OTHER : CallMedia.View.SELF;
    switch (e.type()) {
      case MEDIA_TIMEOUT -> transitions.fire(c, CallEvent.MEDIA_LOST, "no media from the peer");
      case REMOTE_BYE -> {
        if (c.byeTimer == null) {
          c.byeTimer = timer(id, CallEvent.MEDIA_LOST, "the peer's media stopped", byeGraceMs);
        }
      }
      case FIRST_FRAME_RENDERED ->
          book.dispatch(cb -> cb.onVideoFirstFrame(item, view, e.width(), e.height()));
      case VIDEO_SIZE_CHANGED ->
          book.dispatch(cb -> cb.onVideoSizeChanged(item, view, e.width(), e.height()));
      default -> LOG.log(System.Logger.Level.INFO, "call " + id + " media: " + e);
    }
  }
}
