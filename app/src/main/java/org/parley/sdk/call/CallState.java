package org.parley.sdk.call;

/**
 * Where a call stands (the seeds' JCCallState). Live states: {@link #INIT}, {@link #PENDING},
 * {@link #CONNECTING}, {@link #TALKING}. The others are final and come with a {@link CallReason}
 * in {@link CallCallback#onCallItemRemove}.
 */
public enum CallState {
  /** Created, not yet announced to the peer. */
  INIT,
  /** Ringing: an outgoing call waits for the answer, an incoming one for the user. */
  PENDING,
  /** Answered; media is being set up. */
  CONNECTING,
  /** Both sides agreed and media runs. */
  TALKING,
  /** Ended normally after talking. */
  OK,
  /** We called it off before it was answered (or our ring timer did). */
  CANCEL,
  /** The other side called it off before talking (declined, busy), or we declined it. */
  CANCELED,
  /** An incoming call that was never answered. */
  MISSED,
  /** Ended by a failure (network, media, unknown user, not logged in...). */
  ERROR;

  /** True for the final states. */
  public boolean isEnded() {
    return ordinal() >= OK.ordinal();
  }
}
