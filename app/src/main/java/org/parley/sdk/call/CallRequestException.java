package org.parley.sdk.call;

/**
 * A call request the signalling refused or could not deliver: {@link #code()} is the server's
 * error code ({@code NOT_LOGGED_IN}, {@code BAD_STATE}...), or {@link #TIMEOUT}, {@link
 * #DISCONNECTED} or {@link #CLOSED} when no answer came.
 */
public final class CallRequestException extends RuntimeException {
  /** No reply in time. */
  public static final String TIMEOUT = "TIMEOUT";
  /** The connection dropped after the request went out. */
  public static final String DISCONNECTED = "DISCONNECTED";
  /** The request never went out (logged out, closed). */
  public static final String CLOSED = "CLOSED";

  private static final long serialVersionUID = 1L;
  private final String code;

  public CallRequestException(String code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  /** The error code. */
  public String code() {
    return code;
  }
}
