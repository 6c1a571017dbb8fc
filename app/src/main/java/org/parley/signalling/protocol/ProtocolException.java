package org.parley.signalling.protocol;

/**
 * A message that breaks the protocol: it carries the {@link ErrorCode} to answer with, a
 * human-readable message for the {@code error} reply, and (when it could be read) the
 * offending message's {@code id} so the reply can carry it back as {@code re}.
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient String requestId;

  /** An error without a request id. */
  public ProtocolException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /** An error answering the request {@code requestId} (may be null). */
  public ProtocolException(ErrorCode code, String message, String requestId) {
    super(message);
    if (code == null) {
      throw new IllegalArgumentException("code");
    }
    this.code = code;
    this.requestId = requestId;
  }

  /** The code the error reply carries. */
  public ErrorCode code() {
    return code;
  }

  /** The {@code id} of the offending message, or null when it had none or it was unreadable. */
  public String requestId() {
    return requestId;
  }

  /** The same error, now tied to {@code id}. */
  public ProtocolException withRequestId(String id) {
    return new ProtocolException(code, getMessage(), id);
  }
}
