package org.parley.signalling.client;

import org.parley.signalling.protocol.ErrorCode;

/**
 * Why a {@link SignallingClient#request} failed. Either the server answered with an {@code error}
 * ({@link Failure#SERVER_ERROR}, {@link #code()} is its code) or the client gave up on its own:
 * no reply in time ({@link Failure#TIMEOUT}), the connection dropped after the request went out
 * so its outcome is unknown ({@link Failure#DISCONNECTED}), or the client is logged out, kicked,
 * closed, gave up reconnecting or its queue was full ({@link Failure#CLOSED}). Client-side
 * failures have no server code: {@link #code()} is null for them.
 */
public final class SignallingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Where the failure comes from. */
  public enum Failure {
    /** The server answered with an {@code error}; see {@link #code()}. */
    SERVER_ERROR,
    /** No reply within the configured request timeout. */
    TIMEOUT,
    /** The connection dropped after the request was sent; the server may or may not have acted. */
    DISCONNECTED,
    /** The request was never sent: client closed, logged out, kicked, given up, or queue full. */
    CLOSED
  }

  private final Failure failure;
  private final transient ErrorCode code;

  /** A server error with its code and message. */
  public SignallingException(ErrorCode code, String message) {
    super(message);
    this.failure = Failure.SERVER_ERROR;
    this.code = code;
  }

  /** A client-side failure (not {@link Failure#SERVER_ERROR}). */
  public SignallingException(Failure failure, String message) {
    super(message);
    if (failure == Failure.SERVER_ERROR) {
      throw new IllegalArgumentException("server errors carry an ErrorCode");
    }
    this.failure = failure;
    this.code = null;
  }

  public Failure failure() {
    return failure;
  }

  /**
   * The server's error code; null for client-side failures, and for a server code this client
   * does not know (then {@link #getMessage()} starts with the code as sent).
   */
  public ErrorCode code() {
    return code;
  }

  /** Whether the request timed out. */
  public boolean timeout() {
    return failure == Failure.TIMEOUT;
  }

  @Override
  public String toString() {
    return "SignallingException[" + (code != null ? code : failure) + "]: " + getMessage();
  }
}
