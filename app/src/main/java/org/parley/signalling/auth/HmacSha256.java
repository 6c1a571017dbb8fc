package org.parley.signalling.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token MAC: HMAC-SHA256 (RFC 2104, FIPS 180-4) of {@code user "\n" expiryEpochSeconds}
 * under the server secret, through {@code javax.crypto}. Thread-safe (a fresh {@link Mac} per
 * call).
 */
final class HmacSha256 {
  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  HmacSha256(byte[] secret) {
    if (secret == null || secret.length == 0) {
      throw new IllegalArgumentException("the secret must not be empty");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The MAC over {@code user "\n" expiry}. */
  byte[] mac(String user, long expiryEpochSeconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal((user + "\n" + expiryEpochSeconds).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // Every Java runtime must provide HmacSHA256 (Java SE "Standard Algorithm Names").
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
