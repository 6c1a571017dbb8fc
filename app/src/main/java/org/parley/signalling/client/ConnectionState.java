package org.parley.signalling.client;

/**
 * Where a {@link SignallingClient} stands with the server, reported through {@link
 * SignallingClient.Listener#onConnectionStateChanged}. The names follow the room states of the
 * seeds (logining, logined, reconnecting, reconnected, reconnect failed, kick out, logout).
 *
 * <p>{@link #RECONNECT_FAILED}, {@link #KICKED_OUT} and {@link #LOGGED_OUT} are final: the client
 * does not try again by itself; the caller makes a new client (or calls {@code connect()} again)
 * to log in anew.
 */
public enum ConnectionState {
  /** Opening the first connection and logging in. */
  CONNECTING,
  /** Logged in ({@code login-ok} received) on the first connection. */
  CONNECTED,
  /** The connection dropped or went silent; reconnecting with backoff to resume the session. */
  RECONNECTING,
  /** Logged in again after a drop; the {@code login-ok} says whether the session was resumed. */
  RECONNECTED,
  /** No connection could be made for the configured give-up time; the client stopped trying. */
  RECONNECT_FAILED,
  /** The server sent {@code kicked} (the same user logged in elsewhere); no reconnect. */
  KICKED_OUT,
  /** {@code logout()} or {@code close()} was called, or the login was refused; no reconnect. */
  LOGGED_OUT;

  /** True for the states after which the client no longer connects by itself. */
  public boolean isFinal() {
    return this == RECONNECT_FAILED || this == KICKED_OUT || this == LOGGED_OUT;
  }

  /** True while logged in (messages go straight out). */
  public boolean isLoggedIn() {
    return this == CONNECTED || this == RECONNECTED;
  }
}
