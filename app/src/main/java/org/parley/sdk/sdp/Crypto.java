package org.parley.sdk.sdp;

/**
 * An SDES {@code a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]} line (RFC 4568
 * section 9.1). {@link #value()} is the form {@code org.parley.media.call.CryptoSuite} makes and
 * {@code CallMediaSettings.crypto} takes, e.g. "1 AES_CM_128_HMAC_SHA1_80 inline:...".
 *
 * @param keyParams the key parameters and any session parameters, verbatim
 */
public record Crypto(int tag, String suite, String keyParams) {
  public Crypto {
    SdpSyntax.range(tag, 0, 999_999_999, "a=crypto tag");
    SdpSyntax.word(suite, "a=crypto suite");
    for (int i = 0; i < suite.length(); i++) {
      char c = suite.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '_') {
        throw new IllegalArgumentException("a=crypto suite '" + suite + "' is not a suite name");
      }
    }
    SdpSyntax.text(keyParams, "a=crypto key parameters", false);
    if (!keyParams.startsWith("inline:")) {
      throw new IllegalArgumentException("a=crypto key parameters must start with 'inline:'");
    }
  }

  /** Parses an attribute value such as {@code CryptoSuite.newCryptoAttribute} returns. */
  public static Crypto parse(String value) {
    String[] f = SdpFields.splitAtLeast(value, 3, 3, "a=crypto");
    return new Crypto(
        (int) SdpSyntax.number(SdpSyntax.digits(f[0], 9, "a=crypto tag"), 0, 999_999_999, "a=crypto tag"),
        f[1],
        f[2]);
  }

  /** The same key under another tag (an answer takes the tag of the offer's line, RFC 4568 5.1.2). */
  public Crypto withTag(int newTag) {
    return new Crypto(newTag, suite, keyParams);
  }

  /** The attribute value without "a=crypto:". */
  public String value() {
    return tag + " " + suite + " " + keyParams;
  }
}
