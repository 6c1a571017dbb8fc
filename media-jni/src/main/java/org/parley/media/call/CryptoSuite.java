package org.parley.media.call;

import org.parley.media.jni.ParleyCore;

/** The SRTP protection profiles a call can use. */
public enum CryptoSuite {
  /** AES counter mode with an 80-bit HMAC-SHA1 tag (RFC 4568, RFC 3711). */
  AES_CM_128_HMAC_SHA1_80(ParleyCore.CRYPTO_AES_CM_128_HMAC_SHA1_80),
  /** AES-GCM authenticated encryption (RFC 7714). */
  AEAD_AES_128_GCM(ParleyCore.CRYPTO_AEAD_AES_128_GCM);

  final int code;

  CryptoSuite(int code) {
    this.code = code;
  }

  /**
   * A fresh random master key as the value of an SDP {@code a=crypto} attribute: {@code "<tag>
   * <suite> inline:<base64>"} (RFC 4568 section 9.1). Put it in the offer or answer, and give it
   * to the call as its local crypto; the peer's line is its remote crypto.
   */
  public String newCryptoAttribute(int tag) {
    return ParleyCore.newSdesCryptoAttribute(tag, code);
  }
}
