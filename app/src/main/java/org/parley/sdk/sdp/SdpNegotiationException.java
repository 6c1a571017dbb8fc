package org.parley.sdk.sdp;

/**
 * Two well formed descriptions that cannot make a call (RFC 3264): no codec, key or address in
 * common. The caller declines or ends the call with {@link #code()} as the reason.
 */
public final class SdpNegotiationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the negotiation failed. */
  public enum Code {
    /** Neither audio nor video could be agreed. */
    NO_COMMON_MEDIA,
    /** No Opus 48000/2 (audio) or VP8 90000 (video) on both sides with one payload type. */
    NO_COMMON_CODEC,
    /** SRTP offered or required but no a=crypto suite in common, or the keys are missing. */
    NO_CRYPTO,
    /** The peer offered plain RTP and this side does not allow it. */
    PLAIN_RTP_REFUSED,
    /** A transport Parley does not speak (DTLS-SRTP, TCP, ...). */
    UNSUPPORTED_TRANSPORT,
    /** No usable remote address: c= is 0.0.0.0 or missing and there is no host candidate. */
    NO_ADDRESS,
    /** The answer does not match the offer (number, kinds or order of m= lines). */
    MISMATCHED_MEDIA
  }

  private final Code code;

  public SdpNegotiationException(Code code, String detail) {
    super(code + ": " + detail);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
