package org.parley.sdk.call;

import java.time.Clock;
import org.parley.signalling.protocol.CallIds;
import org.parley.signalling.protocol.Message;

/**
 * Handles the signalling pushes for the {@link CallManager}: {@code login-ok} (ends calls when
 * the session was not resumed, reports the missed calls stored by the server), {@code invite} (a
 * new ringing call, or a busy refusal reported as missed when there is no room), and the messages
 * of a live call (accept, media update, in-call message, and the ones the state table maps to a
 * {@link CallEvent}: ringing, reject, cancel, hang-up, call-ended). Malformed, repeated or
 * strangers' messages are logged and dropped. Used on the SDK event thread only.
 */
final class CallInbound {
  private static final System.Logger LOG = System.getLogger(CallInbound.class.getName());

  private final CallBook book;
  private final CallOutbox outbox;
  private final CallTransitions transitions;
  private final CallSetup setup;
  private final CallMediaControl mediaControl;
  private final CallMediaEvents mediaEvents;
  private final Clock clock;
  private final CallConfig config;

  CallInbound(
      CallBook book,
      CallOutbox outbox,
      CallTransitions transitions,
      CallSetup setup,
      CallMediaControl mediaControl,
      CallMediaEvents mediaEvents,
      Clock clock,
      CallConfig config) {
    this.book = book;
    this.outbox = outbox;
    this.transitions = transitions;
    this.setup = setup;
    this.mediaControl = mediaControl;
    this.mediaEvents = mediaEvents;
    this.clock = clock;
    this.config = config;
  }

  void handle(Message m) {
    switch (m.type()) {
      case LOGIN_OK -> loginOk(m);
      case INVITE -> invite(m);
      default -> {
        String callId = m.string("callId");
        CallRecord c = book.get(callId);
        if (c == null) {
          return;
        }
        String from = m.string("from");
        if (from != null && !from.equals(c.item.peerUserId())) {
          LOG.log(System.Logger.Level.WARNING, "call " + callId + ": message from a stranger " + from);
          return;
        }
        switch (m.type()) {
          case ACCEPT -> setup.accepted(c, m);
          case MEDIA_UPDATE -> mediaUpdate(c, m);
          case MESSAGE -> {
            CallItem item = c.item;
            String type = String.valueOf(m.string("msgType"));
            String content = String.valueOf(m.string("content"));
            book.dispatch(cb -> cb.onMessageReceive(item, type, content));
          }
          default -> {
            CallEvent event = CallEvent.of(m);
            if (event != null) {
              String description = m.string("description");
              transitions.fire(c, event, description == null ? "" : description);
            }
          }
        }
      }
    }
  }

  private void loginOk(Message m) {
    if (!m.bool("resumed", false)) {
      transitions.endAll(CallEvent.SIGNALLING_LOST, "the signalling session was not resumed");
    }
    for (CallItem missed : MissedCalls.parse(m.json("missedCalls"), clock)) {
      book.dispatch(cb -> cb.onMissedCallItem(missed));
    }
  }

  private void invite(Message m) {
    String callId = m.string("callId");
    String from = m.string("from");
    String sdp = m.string("sdp");
    if (!CallIds.isValid(callId) || from == null || sdp == null || book.contains(callId)) {
      LOG.log(System.Logger.Level.WARNING, "ignoring a malformed or repeated invite: " + m);
      return;
    }
    boolean video = m.bool("video", false);
    String extra = m.string("extraParam");
    CallItem item =
        CallItem.builder(callId, from, CallDirection.IN, clock.instant())
            .video(video)
            .uploadVideoSelf(video)
            .uploadVideoOther(video)
            .extraParam(extra == null ? "" : extra)
            .state(CallState.PENDING)
            .build();
    CallRecord c = new CallRecord(item);
    if (book.isClosed() || !book.roomFor(c, config.maxCalls())) {
      outbox.sendQuietly(CallMessages.reject(callId, true));
      CallItem missed = item.toBuilder().state(CallState.MISSED).reason(CallReason.BUSY)
          .description("another call was in progress").build();
      book.dispatch(cb -> cb.onMissedCallItem(missed));
      return;
    }
    c.offerSdp = sdp;
    book.add(c);
    outbox.sendQuietly(CallMessages.ringing(callId));
    c.ringTimer = mediaEvents.timer(callId, CallEvent.RING_TIMEOUT, "not answered", config.ringTimeoutMs());
  }

  private void mediaUpdate(CallRecord c, Message m) {
    CallItem i = c.item;
    book.update(c, i.toBuilder()
        .otherMicrophoneMuted(m.bool("micMuted", i.otherMicrophoneMuted()))
        .uploadVideoOther(m.bool("videoSending", i.uploadVideoOther()) && i.video())
        .otherHeld(m.bool("held", i.otherHeld()))
        .build());
    mediaControl.applyFlags(c);
  }
}
