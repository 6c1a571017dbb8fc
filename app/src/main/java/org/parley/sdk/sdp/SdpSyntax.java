package org.parley.sdk.sdp;

import java.util.List;

/**
 * Grammar checks shared by the model's constructors and the parser (RFC 8866 section 9). Each
 * check throws {@link IllegalArgumentException} naming the field; the parser turns that into an
 * {@link SdpParseException} with the line number.
 */
final class SdpSyntax {
  private SdpSyntax() {}

  /** RFC 8866 token-char: %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E. */
  static boolean isTokenChar(char c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x27)
        || c == 0x2A
        || c == 0x2B
        || c == 0x2D
        || c == 0x2E
        || (c >= 0x30 && c <= 0x39)
        || (c >= 0x41 && c <= 0x5A)
        || (c >= 0x5E && c <= 0x7E);
  }

  static String token(String value, String what) {
    requireNonEmpty(value, what);
    for (int i = 0; i < value.length(); i++) {
      if (!isTokenChar(value.charAt(i))) {
        throw new IllegalArgumentException(
            what + " '" + value + "' has a character not allowed in a token at " + i);
      }
    }
    return value;
  }

  /** A non-empty string without spaces or control characters (addresses, user names). */
  static String word(String value, String what) {
    requireNonEmpty(value, what);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c == 0x7F) {
        throw new IllegalArgumentException(what + " '" + value + "' must not contain spaces");
      }
    }
    return value;
  }

  /** RFC 8866 text/byte-string: no NUL, CR or LF (we refuse every control character but TAB). */
  static String text(String value, String what, boolean allowEmpty) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (!allowEmpty && value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new IllegalArgumentException(
            what + " has control character 0x" + Integer.toHexString(c) + " at " + i);
      }
    }
    return value;
  }

  static String digits(String value, int maxDigits, String what) {
    requireNonEmpty(value, what);
    if (value.length() > maxDigits) {
      throw new IllegalArgumentException(what + " '" + value + "' has more than " + maxDigits + " digits");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(what + " '" + value + "' is not a number");
      }
    }
    return value;
  }

  /** A decimal number of at most 19 digits in [min, max]. */
  static long number(String value, long min, long max, String what) {
    digits(value, 19, what);
    long n = Long.parseLong(value);
    return range(n, min, max, what);
  }

  static long range(long n, long min, long max, String what) {
    if (n < min || n > max) {
      throw new IllegalArgumentException(what + " " + n + " is outside " + min + ".." + max);
    }
    return n;
  }

  static <T> List<T> list(List<T> values, String what) {
    if (values == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    for (T value : values) {
      if (value == null) {
        throw new IllegalArgumentException(what + " contains null");
      }
    }
    return List.copyOf(values);
  }

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return value;
  }

  private static void requireNonEmpty(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " is missing");
    }
  }
}
