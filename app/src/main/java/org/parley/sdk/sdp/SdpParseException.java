package org.parley.sdk.sdp;

/**
 * A session description that is not well formed SDP (RFC 8866) or breaks one of the parser's
 * limits. The message names the line number (1-based; 0 for the body as a whole) and what is
 * wrong; the caller answers the peer with an error and never acts on the body.
 */
public final class SdpParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of problem it is, for error codes in signalling answers. */
  public enum Code {
    /** The body or a line is larger than the parser accepts, or has too many media sections. */
    TOO_LARGE,
    /** A line is not {@code <letter>=<value>}, or its value breaks the grammar. */
    BAD_LINE,
    /** A line is in the wrong place, repeated, or a required line is missing. */
    BAD_STRUCTURE
  }

  private final Code code;
  private final int line;

  public SdpParseException(Code code, int line, String detail) {
    super((line > 0 ? "SDP line " + line + ": " : "SDP: ") + detail);
    this.code = code;
    this.line = line;
  }

  public Code code() {
    return code;
  }

  /** The 1-based line number, 0 when the problem is the body as a whole. */
  public int line() {
    return line;
  }
}
