package org.parley.sdk.call;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.parley.media.call.CallMedia;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;
import org.parley.sdk.event.SdkScheduler;
import org.parley.signalling.client.ConnectionState;
import org.parley.signalling.protocol.CallIds;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.UserIds;

/**
 * One-to-one calls (the seeds' JCCall): place, answer, end, mute, hold, video on/off, in-call
 * messages and video views, with the state of every call kept as {@link CallItem} snapshots and
 * reported through a {@link CallCallback}.
 *
 * <p>This class is the public facade; the work is split by role: {@link CallSetup} places and
 * answers calls, {@link CallInbound} handles signalling pushes, {@link CallMediaEvents} media
 * events and timers, {@link CallTransitions} state changes and their effects, {@link
 * CallStatistics} the statistics poll, {@link CallOutbox} outgoing messages and {@link CallBook}
 * the records, snapshots and callback dispatch.
 *
 * <p>Threading: public methods may be called from any thread; they hand their work to the SDK
 * event thread ({@link SdkScheduler}), where all state lives and every callback runs. Incoming
 * signalling is pushed in through {@link #onSignallingMessage} and {@link
 * #onConnectionStateChanged} (any thread). The state table is {@link CallStateMachine}.
 *
 * <p>Rules: an unanswered call ends after {@link CallConfig#ringTimeoutMs()} (timeout at the
 * caller, missed at the callee); at most one video call at a time (a second incoming call that
 * would break that is refused busy and reported missed); a signalling reconnect that resumes the
 * session keeps calls; losing the session, the peer's connection ({@code call-ended network}) or
 * its media (timeout, BYE without a hang-up) ends calls with {@link CallReason#NETWORK}.
 */
public final class CallManager implements AutoCloseable {
  private final SdkScheduler scheduler;
  private final Clock clock;
  private final CallBook book = new CallBook();
  private final CallMediaControl mediaControl;
  private final CallOutbox outbox;
  private final CallStatistics statistics;
  private final CallTransitions transitions;
  private final CallSetup setup;
  private final CallInbound inbound;

  /**
   * A manager for {@code selfUser}'s calls.
   *
   * @param scheduler the SDK event thread; the manager never shuts it down
   */
  public CallManager(
      String selfUser,
      CallSignalling signalling,
      CallMediaFactory mediaFactory,
      SdkScheduler scheduler,
      Clock clock,
      CallConfig config) {
    Objects.requireNonNull(selfUser, "selfUser");
    Objects.requireNonNull(signalling, "signalling");
    this.mediaControl = new CallMediaControl(Objects.requireNonNull(mediaFactory, "mediaFactory"));
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(config, "config");
    this.outbox = new CallOutbox(signalling, scheduler, book);
    this.statistics = new CallStatistics(book, scheduler, config.statsIntervalMs());
    this.transitions = new CallTransitions(book, outbox, mediaControl, statistics, clock);
    CallMediaEvents mediaEvents = new CallMediaEvents(book, transitions, scheduler, config.byeGraceMs());
    this.setup = new CallSetup(selfUser, book, outbox, transitions, mediaControl, mediaEvents, config);
    this.inbound = new CallInbound(book, outbox, transitions, setup, mediaControl, mediaEvents, clock, config);
  }

  /** Where call events go (replaces the previous callback; null for none). */
  public void setCallback(CallCallback callback) {
    book.setCallback(callback);
  }

  // ---------------------------------------------------------------- public API, any thread

  /**
   * Places a call. The returned snapshot is the new call in {@link CallState#PENDING}; {@link
   * CallCallback#onCallItemAdd} follows, and when the call cannot be placed (not logged in,
   * unknown user, a video call in progress, no media) {@link CallCallback#onCallItemRemove} with
   * the reason.
   *
   * @throws IllegalArgumentException for a malformed user id or an extra param over 4 KiB
   */
  public CallItem call(String userId, boolean video, String extraParam) {
    if (!UserIds.isValid(userId)) {
      throw new IllegalArgumentException("not a valid user id: " + userId);
    }
    String extra = extraParam == null ? "" : extraParam;
    if (extra.length() > CallMessages.MAX_EXTRA_PARAM) {
      throw new IllegalArgumentException("extraParam is longer than 4 KiB");
    }
    CallItem item =
        CallItem.builder(CallIds.newId(), userId, CallDirection.OUT, clock.instant())
            .video(video)
            .uploadVideoSelf(video)
            .extraParam(extra)
            .state(CallState.PENDING)
            .build();
    onEventThread(() -> setup.place(item));
    return item;
  }

  /** Answers an incoming call, with video or voice only (a video call may be answered by voice). */
  public void answer(CallItem item, boolean video) {
    String id = item.id();
    onEventThread(() -> setup.answer(id, video));
  }

  /**
   * Ends a call: cancels an outgoing one, declines an incoming one ({@code reason} {@link
   * CallReason#BUSY} refuses it as busy), or hangs up. {@code description} goes to the peer.
   */
  public void term(CallItem item, CallReason reason, String description) {
    withCall(item, c -> transitions.fire(c,
        reason == CallReason.BUSY ? CallEvent.LOCAL_BUSY : CallEvent.LOCAL_TERM,
        description == null ? "" : description));
  }

  /** The call the user is most likely dealing with: a connected call not on hold, else any live one. */
  public CallItem getActiveCallItem() {
    List<CallItem> items = book.snapshot();
    for (CallItem i : items) {
      if ((i.state() == CallState.TALKING || i.state() == CallState.CONNECTING) && !i.held()) {
        return i;
      }
    }
    return items.isEmpty() ? null : items.get(0);
  }

  /** Snapshots of all live calls, oldest first. */
  public List<CallItem> getCallItems() {
    return book.snapshot();
  }

  public void setMicrophoneMuted(CallItem item, boolean muted) {
    withCall(item, c -> transitions.change(c, b -> b.microphoneMuted(muted), true));
  }

  public void setSpeakerMuted(CallItem item, boolean muted) {
    withCall(item, c -> transitions.change(c, b -> b.speakerMuted(muted), false));
  }

  /** Starts or stops sending video (only where video was agreed for sending). */
  public void setVideoSending(CallItem item, boolean sending) {
    withCall(item, c -> transitions.change(c, b -> b.uploadVideoSelf(sending && c.canSendVideo), true));
  }

  /** Puts a call on hold: both sides stop sending and playing until {@link #resume}. */
  public void hold(CallItem item) {
    withCall(item, c -> transitions.change(c, b -> b.held(true), true));
  }

  public void resume(CallItem item) {
    withCall(item, c -> transitions.change(c, b -> b.held(false), true));
  }

  /**
   * Sends an in-call message to the peer ({@link CallCallback#onMessageReceive} there).
   *
   * @throws IllegalArgumentException when {@code type} is empty or over 64 chars or {@code
   *     content} over 16 KiB
   */
  public void sendMessage(CallItem item, String type, String content) {
    if (type == null || type.isEmpty() || type.length() > CallMessages.MAX_MSG_TYPE) {
      throw new IllegalArgumentException("message type must be 1..64 chars");
    }
    if (content == null || content.length() > CallMessages.MAX_CONTENT) {
      throw new IllegalArgumentException("message content must be at most 16 KiB");
    }
    withCall(item, c -> outbox.sendQuietly(CallMessages.message(c.item.id(), type, content)));
  }

  /** Draws our own camera of a call into a window ({@code handle} 0: a pixel buffer). */
  public void startSelfVideo(CallItem item, long handle, RenderMode mode) {
    startVideo(item, CallMedia.View.SELF, handle, mode);
  }

  /** Draws the peer's video of a call into a window ({@code handle} 0: a pixel buffer). */
  public void startOtherVideo(CallItem item, long handle, RenderMode mode) {
    startVideo(item, CallMedia.View.OTHER, handle, mode);
  }

  public void stopSelfVideo(CallItem item) {
    stopVideo(item, CallMedia.View.SELF);
  }

  public void stopOtherVideo(CallItem item) {
    stopVideo(item, CallMedia.View.OTHER);
  }

  /** Draws a view; may be called before the media exists (it applies once it does). */
  public void startVideo(CallItem item, CallMedia.View view, long handle, RenderMode mode) {
    withCall(item, c -> {
      c.views[view.ordinal()] = new CallRecord.ViewRequest(handle, mode);
      mediaControl.applyView(c, view);
    });
  }

  public void stopVideo(CallItem item, CallMedia.View view) {
    withCall(item, c -> {
      if (c.views[view.ordinal()] != null) {
        c.views[view.ordinal()] = null;
        mediaControl.quietly(c, m -> m.stopVideo(view));
      }
    });
  }

  /** Pixel-buffer views: the picture size to draw at. */
  public void setPixelBufferSize(CallItem item, CallMedia.View view, int width, int height) {
    withCall(item, c -> {
      CallRecord.ViewRequest r = c.views[view.ordinal()];
      if (r != null) {
        r.width = width;
        r.height = height;
        mediaControl.quietly(c, m -> m.setPixelBufferSize(view, width, height));
      }
    });
  }

  /**
   * Copies a pixel-buffer view's latest BGRA picture (any thread); 0 when nothing new, or when
   * the call has no media (yet or any more).
   */
  public int copyPixels(CallItem item, CallMedia.View view, byte[] bgra) {
    return mediaControl.copyPixels(item.id(), view, bgra);
  }

  /** Moves every live call that has media to another camera. */
  public void switchCamera(VideoSource source) {
    onEventThread(
        () -> {
          for (CallRecord c : book.records()) {
            mediaControl.quietly(c, m -> m.switchCamera(source));
          }
        });
  }

  // ------------------------------------------------------------ inbound, any thread

  /**
   * A signalling push for this user: {@code login-ok} (missed calls, whether the session was
   * resumed) and the call messages; others are ignored.
   */
  public void onSignallingMessage(Message message) {
    onEventThread(() -> inbound.handle(message));
  }

  /** The signalling connection changed: final states end every call with NETWORK. */
  public void onConnectionStateChanged(ConnectionState state, String reason) {
    onEventThread(
        () -> {
          if (state.isFinal()) {
            transitions.endAll(CallEvent.SIGNALLING_LOST, reason == null ? state.name() : reason);
          }
        });
  }

  /** Ends every live call as {@link #term} would (hang up, cancel or decline). */
  public void termAll(String description) {
    onEventThread(() -> transitions.endAll(CallEvent.LOCAL_TERM, description == null ? "" : description));
  }

  /** Hangs up every live call and closes its media; waits up to 5 s off the event thread. */
  @Override
  public void close() {
    if (book.isClosed()) {
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    Runnable task =
        () -> {
          try {
            book.markClosed();
            transitions.endAll(CallEvent.LOCAL_TERM, "closed");
            statistics.stop();
          } finally {
            done.countDown();
          }
        };
    if (scheduler.inSchedulerThread()) {
      task.run();
    } else {
      scheduler.execute(task);
      try {
        done.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ------------------------------------------------------------ plumbing

  /** On the event thread, runs {@code action} on the call of {@code item} if it still lives. */
  private void withCall(CallItem item, Consumer<CallRecord> action) {
    String id = item.id();
    onEventThread(
        () -> {
          CallRecord c = book.get(id);
          if (c != null) {
            action.accept(c);
          }
        });
  }

  /** Queues work for the event thread (always queued, so callbacks never re-enter the manager). */
  private void onEventThread(Runnable task) {
    scheduler.execute(task);
  }
}
