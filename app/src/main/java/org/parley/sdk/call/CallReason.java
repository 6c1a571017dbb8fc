package org.parley.sdk.call;

/**
 * Why a call ended (the seeds' JCCallReason); {@link #NONE} while it is live. Also what {@link
 * CallManager#term} takes: {@link #NONE} for an ordinary hang-up, {@link #BUSY} to refuse an
 * incoming call as busy, {@link #DECLINE} to decline it.
 */
public enum CallReason {
  NONE("none"),
  /** The call could not be placed because we are not logged in. */
  NOT_LOGGED_IN("not-logged-in"),
  /** Nobody answered in time. */
  TIMEOUT("timeout"),
  /** The connection to the peer was lost (signalling or media). */
  NETWORK("network"),
  /** The peer is in another call. */
  BUSY("busy"),
  /** The peer declined. */
  DECLINE("decline"),
  /** The peer is not logged in (the server stored a missed call for it). */
  USER_OFFLINE("user-offline"),
  /** No such user or call. */
  NOT_FOUND("not-found"),
  /** We hung up. */
  TERM_BY_SELF("term"),
  /** The peer hung up. */
  TERM_BY_PEER("term"),
  /** The caller cancelled before it was answered. */
  CANCELED("cancel"),
  /** The server ended a call that lasted past its limits. */
  SESSION_TIMEOUT("session-timeout"),
  /** Media could not be set up or failed. */
  MEDIA_ERROR("media-error"),
  /** Too many calls at once (a video call is already in progress). */
  CALL_FULL("call-full"),
  /** The signalling server refused a call message (its error code is in the description). */
  SIGNALLING_ERROR("signalling-error");

  private final String wireName;

  CallReason(String wireName) {
    this.wireName = wireName;
  }

  /** What goes in a {@code hangup}'s {@code reason} field. */
  public String wireName() {
    return wireName;
  }
}
