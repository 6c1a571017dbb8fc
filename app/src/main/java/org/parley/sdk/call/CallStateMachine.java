package org.parley.sdk.call;

/**
 * The call state table: given a call's direction and state and an event, the next state and,
 * for a final state, the reason. Pure and stateless; {@link CallTransitions} performs the side
 * effects (messages, media, callbacks) for the {@link CallManager}.
 *
 * <p>Rules: ended by our own action before talking: {@link CallState#CANCEL} (caller) or {@link
 * CallState#CANCELED} (callee declining); ended by the peer's decision before talking: {@link
 * CallState#CANCELED} at the caller, {@link CallState#MISSED} at the callee; ended after
 * answering by a hang-up: {@link CallState#OK}; ended by a failure: {@link CallState#ERROR}.
 * Final states never change. Events that make no sense in a state are ignored (null).
 */
public final class CallStateMachine {
  private CallStateMachine() {}

  /** A move to {@code state}; {@code reason} is {@link CallReason#NONE} unless it is final. */
  public record Transition(CallState state, CallReason reason) {
    static Transition to(CallState state) {
      return new Transition(state, CallReason.NONE);
    }

    static Transition end(CallState state, CallReason reason) {
      return new Transition(state, reason);
    }
  }

  /** The transition for {@code event}, or null when the event is ignored in this state. */
  public static Transition next(CallDirection direction, CallState state, CallEvent event) {
    if (state.isEnded()) {
      return null;
    }
    Transition common = failure(event);
    return switch (state) {
      case INIT, PENDING -> direction == CallDirection.OUT
          ? outgoingPending(event, common)
          : incomingPending(event, common);
      case CONNECTING -> connecting(direction, event, common);
      case TALKING -> talking(event, common);
      default -> null;
    };
  }

  /** Failures that end a call the same way in every live state, or null. */
  private static Transition failure(CallEvent event) {
    return switch (event) {
      case MEDIA_FAILED -> Transition.end(CallState.ERROR, CallReason.MEDIA_ERROR);
      case REQUEST_NOT_LOGGED_IN -> Transition.end(CallState.ERROR, CallReason.NOT_LOGGED_IN);
      case REQUEST_NOT_FOUND, CALL_ENDED_NOT_FOUND ->
          Transition.end(CallState.ERROR, CallReason.NOT_FOUND);
      case REQUEST_FAILED -> Transition.end(CallState.ERROR, CallReason.SIGNALLING_ERROR);
      case CALL_ENDED_USER_OFFLINE -> Transition.end(CallState.ERROR, CallReason.USER_OFFLINE);
      case HANGUP_NETWORK, CALL_ENDED_NETWORK, SIGNALLING_LOST, MEDIA_LOST ->
          Transition.end(CallState.ERROR, CallReason.NETWORK);
      default -> null;
    };
  }

  private static Transition outgoingPending(CallEvent event, Transition common) {
    return switch (event) {
      case ACCEPT -> Transition.to(CallState.CONNECTING);
      case LOCAL_TERM -> Transition.end(CallState.CANCEL, CallReason.TERM_BY_SELF);
      case RING_TIMEOUT, CALL_ENDED_TIMEOUT -> Transition.end(CallState.CANCEL, CallReason.TIMEOUT);
      case REJECT_DECLINE -> Transition.end(CallState.CANCELED, CallReason.DECLINE);
      case REJECT_BUSY, CALL_ENDED_BUSY -> Transition.end(CallState.CANCELED, CallReason.BUSY);
      case HANGUP -> Transition.end(CallState.CANCELED, CallReason.TERM_BY_PEER);
      case MEDIA_LOST -> null; // media has not started yet
      default -> common;
    };
  }

  private static Transition incomingPending(CallEvent event, Transition common) {
    return switch (event) {
      case LOCAL_ANSWER -> Transition.to(CallState.CONNECTING);
      case LOCAL_TERM -> Transition.end(CallState.CANCELED, CallReason.TERM_BY_SELF);
      case LOCAL_BUSY -> Transition.end(CallState.CANCELED, CallReason.BUSY);
      case CANCEL, HANGUP -> Transition.end(CallState.MISSED, CallReason.CANCELED);
      case CANCEL_TIMEOUT, RING_TIMEOUT, CALL_ENDED_TIMEOUT ->
          Transition.end(CallState.MISSED, CallReason.TIMEOUT);
      case HANGUP_NETWORK, CALL_ENDED_NETWORK, SIGNALLING_LOST ->
          Transition.end(CallState.MISSED, CallReason.NETWORK);
      case MEDIA_LOST -> null;
      default -> common;
    };
  }

  private static Transition connecting(CallDirection direction, CallEvent event, Transition common) {
    boolean talkingEvent = direction == CallDirection.OUT
        ? event == CallEvent.MEDIA_STARTED
        : event == CallEvent.ACCEPT_ACKED;
    if (talkingEvent) {
      return Transition.to(CallState.TALKING);
    }
    return switch (event) {
      case LOCAL_TERM -> Transition.end(CallState.OK, CallReason.TERM_BY_SELF);
      case HANGUP -> Transition.end(CallState.OK, CallReason.TERM_BY_PEER);
      case CANCEL, CANCEL_TIMEOUT -> Transition.end(CallState.CANCELED, CallReason.CANCELED);
      case CONNECT_TIMEOUT -> Transition.end(CallState.ERROR, CallReason.NETWORK);
      case CALL_ENDED_TIMEOUT -> Transition.end(CallState.ERROR, CallReason.TIMEOUT);
      default -> common;
    };
  }

  private static Transition talking(CallEvent event, Transition common) {
    return switch (event) {
      case LOCAL_TERM -> Transition.end(CallState.OK, CallReason.TERM_BY_SELF);
      case HANGUP -> Transition.end(CallState.OK, CallReason.TERM_BY_PEER);
      case CALL_ENDED_TIMEOUT -> Transition.end(CallState.ERROR, CallReason.SESSION_TIMEOUT);
      default -> common;
    };
  }
}
