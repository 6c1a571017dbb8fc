package org.parley.sdk.sdp;

import java.util.List;
import org.parley.sdk.sdp.SdpNegotiationException.Code;

/**
 * Chooses the answer's SRTP key (RFC 4568 section 7.1.2) or plain RTP for each accepted section,
 * keeping the choice the same for the whole call (one socket, one key pair).
 */
final class AnswerKeys {
  private final LocalMedia local;
  private Boolean plain;
  private Crypto theirs;
  private Crypto ours;

  AnswerKeys(LocalMedia local) {
    this.local = local;
  }

  /** Our a=crypto lines for this offered section: one key, or none for plain RTP. */
  List<Crypto> choose(MediaDescription m) throws SdpNegotiationException {
    if (RemoteMedia.isPlainRtp(m.proto())) {
      if (!local.allowPlainRtp()) {
        throw new SdpNegotiationException(Code.PLAIN_RTP_REFUSED,
            "the offer uses " + m.proto() + " (no encryption) and plain RTP is not allowed");
      }
      if (Boolean.FALSE.equals(plain)) {
        throw new SdpNegotiationException(Code.UNSUPPORTED_TRANSPORT,
            "the offer mixes SRTP and plain RTP sections");
      }
      plain = true;
      return List.of();
    }
    if (!RemoteMedia.isSrtp(m.proto())) {
      throw new SdpNegotiationException(Code.UNSUPPORTED_TRANSPORT,
          "protocol " + m.proto() + " is not supported (RTP/SAVPF or RTP/AVPF)");
    }
    if (Boolean.TRUE.equals(plain)) {
      throw new SdpNegotiationException(Code.UNSUPPORTED_TRANSPORT,
          "the offer mixes SRTP and plain RTP sections");
    }
    if (theirs != null) {
      for (Crypto c : m.cryptos()) {
        if (c.value().equals(theirs.value())) {
          return List.of(ours);
        }
      }
      throw new SdpNegotiationException(Code.NO_CRYPTO,
          "the offer uses other keys for " + m.media() + " than for the first stream");
    }
    List<Crypto> keys = local.parsedCryptos();
    for (Crypto offered : m.cryptos()) {
      for (Crypto key : keys) {
        if (key.suite().equals(offered.suite())) {
          theirs = offered;
          ours = key.withTag(offered.tag());
          plain = false;
          return List.of(ours);
        }
      }
    }
    throw new SdpNegotiationException(Code.NO_CRYPTO,
        m.cryptos().isEmpty()
            ? "the offer uses " + m.proto() + " without a=crypto"
            : "no offered a=crypto suite is one this side has a key for");
  }
}
