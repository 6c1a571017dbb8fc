package org.parley.sdk.call;

import org.parley.signalling.protocol.Message;

/**
 * Starts calls and their media: places an outgoing call (checks, media and offer, invite, ring
 * timer), answers an incoming one (media and answer, accept, connect timer) and completes an
 * outgoing one when the peer's answer arrives. A media failure on the way ends the call with
 * {@link CallReason#MEDIA_ERROR}; a refused request with the reason the server gave. Used on the
 * SDK event thread only.
 */
final class CallSetup {
  private static final System.Logger LOG = System.getLogger(CallSetup.class.getName());

  private final String selfUser;
  private final CallBook book;
  private final CallOutbox outbox;
  private final CallTransitions transitions;
  private final CallMediaControl mediaControl;
  private final CallMediaEvents mediaEvents;
  private final CallConfig config;

  CallSetup(
      String selfUser,
      CallBook book,
      CallOutbox outbox,
      CallTransitions transitions,
      CallMediaControl mediaControl,
      CallMediaEvents mediaEvents,
      CallConfig config) {
    this.selfUser = selfUser;
    this.book = book;
    this.outbox = outbox;
    this.transitions = transitions;
    this.mediaControl = mediaControl;
    this.mediaEvents = mediaEvents;
    this.config = config;
  }

  /** Records the new outgoing call {@code item} and offers it to the peer, or ends it at once. */
  void place(CallItem item) {
    CallRecord c = new CallRecord(item);
    c.canSendVideo = item.video();
    c.announcedVideo = item.video();
    book.add(c);
    if (book.isClosed() || !outbox.isLoggedIn()) {
      transitions.fire(c, CallEvent.REQUEST_NOT_LOGGED_IN, "not logged in");
      return;
    }
    if (item.peerUserId().equals(selfUser)) {
      transitions.end(c, new CallStateMachine.Transition(CallState.ERROR, CallReason.NOT_FOUND),
          CallEvent.REQUEST_NOT_FOUND, "cannot call oneself");
      return;
    }
    if (!book.roomFor(c, config.maxCalls())) {
      transitions.end(c, new CallStateMachine.Transition(CallState.ERROR, CallReason.CALL_FULL),
          CallEvent.REQUEST_FAILED, "another call is in progress");
      return;
    }
    String offer;
    try {
      createMedia(c, new MediaRequest(item.id(), item.video(), item.video()));
      offer = c.media.createOffer();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "media for call " + item.id() + " failed", e);
      transitions.fire(c, CallEvent.MEDIA_FAILED, String.valueOf(e.getMessage()));
      return;
    }
    c.ringTimer = mediaEvents.timer(item.id(), CallEvent.RING_TIMEOUT, "no answer", config.ringTimeoutMs());
    c.inviteSent = true;
    outbox.request(item.id(),
        CallMessages.invite(item.id(), item.peerUserId(), item.video(), offer, item.extraParam()),
        null, transitions::fire);
  }

  /** Answers incoming call {@code id} if it is still ringing here. */
  void answer(String id, boolean video) {
    CallRecord c = book.get(id);
    if (c == null || c.item.direction() != CallDirection.IN || c.item.state() != CallState.PENDING) {
      LOG.log(System.Logger.Level.DEBUG, "answer ignored: call " + id + " is not ringing here");
      return;
    }
    boolean sendVideo = video && c.item.video();
    String answer;
    try {
      createMedia(c, new MediaRequest(id, c.item.video(), sendVideo));
      answer = c.media.createAnswer(c.offerSdp);
      c.canSendVideo = sendVideo;
      c.announcedVideo = sendVideo;
      c.item = c.item.toBuilder().uploadVideoSelf(sendVideo).build();
      mediaControl.applyFlags(c);
      c.media.start();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "media for call " + id + " failed", e);
      transitions.fire(c, CallEvent.MEDIA_FAILED, String.valueOf(e.getMessage()));
      return;
    }
    transitions.fire(c, CallEvent.LOCAL_ANSWER, "");
    c.connectTimer = mediaEvents.timer(id, CallEvent.CONNECT_TIMEOUT, "not connected", config.connectTimeoutMs());
    outbox.request(id, CallMessages.accept(id, sendVideo, answer),
        () -> transitions.fireById(id, CallEvent.ACCEPT_ACKED, ""), transitions::fire);
  }

  /** The peer accepted our outgoing call {@code c}: apply its answer and start the media. */
  void accepted(CallRecord c, Message m) {
    if (c.item.direction() != CallDirection.OUT || c.item.state() != CallState.PENDING) {
      return;
    }
    String sdp = m.string("sdp");
    c.item = c.item.toBuilder().uploadVideoOther(m.bool("video", false) && c.item.video()).build();
    transitions.fire(c, CallEvent.ACCEPT, "");
    if (book.get(c.item.id()) != c) {
      return;
    }
    try {
      if (sdp == null) {
        throw new IllegalArgumentException("the answer has no SDP");
      }
      c.media.acceptAnswer(sdp);
      c.media.start();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "media for call " + c.item.id() + " failed", e);
      transitions.fire(c, CallEvent.MEDIA_FAILED, String.valueOf(e.getMessage()));
      return;
    }
    transitions.fire(c, CallEvent.MEDIA_STARTED, "");
  }

  private void createMedia(CallRecord c, MediaRequest request) {
    mediaControl.create(c, request, mediaEvents.listenerFor(request.callId()));
  }
}
