package org.parley.sdk.call;

import org.parley.signalling.protocol.Message;

/**
 * Everything that can happen to a call, as the {@link CallStateMachine} sees it: local actions,
 * signalling messages about the call, replies to our requests, timers and media events.
 */
public enum CallEvent {
  /** The user answered (incoming calls). */
  LOCAL_ANSWER,
  /** The user hung up, cancelled or declined. */
  LOCAL_TERM,
  /** The user refused an incoming call as busy. */
  LOCAL_BUSY,
  RINGING,
  ACCEPT,
  /** The server acknowledged our {@code accept}. */
  ACCEPT_ACKED,
  /** Our media started after the peer's answer. */
  MEDIA_STARTED,
  REJECT_DECLINE,
  REJECT_BUSY,
  CANCEL,
  CANCEL_TIMEOUT,
  HANGUP,
  /** The peer hung up because it lost us (its media timed out). */
  HANGUP_NETWORK,
  CALL_ENDED_NETWORK,
  CALL_ENDED_BUSY,
  CALL_ENDED_USER_OFFLINE,
  CALL_ENDED_TIMEOUT,
  CALL_ENDED_NOT_FOUND,
  /** Our ring timer ran out. */
  RING_TIMEOUT,
  /** Answered, but talking never began. */
  CONNECT_TIMEOUT,
  /** No media from the peer for the media timeout, or its RTCP BYE without a hang-up. */
  MEDIA_LOST,
  /** Media could not be created or started. */
  MEDIA_FAILED,
  /** The server refused a request because we are not logged in. */
  REQUEST_NOT_LOGGED_IN,
  /** The server does not know the peer or the call. */
  REQUEST_NOT_FOUND,
  /** Any other refusal or an unanswered request. */
  REQUEST_FAILED,
  /** The signalling session is gone for good (not resumed, kicked, gave up). */
  SIGNALLING_LOST;

  /**
   * The event a call message stands for, or null for messages that do not move the state
   * ({@code media-update}, {@code message}, {@code invite}).
   */
  public static CallEvent of(Message m) {
    String reason = m.string("reason");
    return switch (m.type()) {
      case RINGING -> RINGING;
      case ACCEPT -> ACCEPT;
      case REJECT -> "busy".equals(reason) ? REJECT_BUSY : REJECT_DECLINE;
      case CANCEL -> "timeout".equals(reason) ? CANCEL_TIMEOUT : CANCEL;
      case HANGUP -> CallReason.NETWORK.wireName().equals(reason) ? HANGUP_NETWORK : HANGUP;
      case CALL_ENDED -> switch (reason == null ? "" : reason) {
        case "busy" -> CALL_ENDED_BUSY;
        case "user-offline" -> CALL_ENDED_USER_OFFLINE;
        case "timeout" -> CALL_ENDED_TIMEOUT;
        case "not-found" -> CALL_ENDED_NOT_FOUND;
        default -> CALL_ENDED_NETWORK;
      };
      default -> null;
    };
  }
}
