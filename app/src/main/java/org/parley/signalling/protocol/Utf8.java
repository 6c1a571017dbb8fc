package org.parley.signalling.protocol;

/** UTF-8 length of Java strings without encoding them (RFC 3629 section 3). */
final class Utf8 {
  private Utf8() {}

  /**
   * The number of bytes {@code s} takes in UTF-8. A lone surrogate counts as the 3 bytes of its
   * replacement character, as Java's encoder writes it (it replaces it with '?', 1 byte; counting
   * 3 keeps the limit conservative).
   */
  static long length(CharSequence s) {
    long n = 0;
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
