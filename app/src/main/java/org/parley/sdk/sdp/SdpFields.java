package org.parley.sdk.sdp;

/** Splits SDP values on single spaces (the grammar's SP), refusing empty fields. */
final class SdpFields {
  private SdpFields() {}

  /** Exactly {@code count} fields separated by single spaces. */
  static String[] split(String value, int count, String what) {
    String[] fields = value.split(" ", -1);
    if (fields.length != count) {
      throw new IllegalArgumentException(
          what + " needs " + count + " fields separated by single spaces, has " + fields.length);
    }
    check(fields, what);
    return fields;
  }

  /** At least {@code min} fields; the last field takes the rest of the value verbatim. */
  static String[] splitAtLeast(String value, int min, int limit, String what) {
    String[] fields = value.split(" ", limit);
    if (fields.length < min) {
      throw new IllegalArgumentException(
          what + " needs at least " + min + " fields separated by single spaces");
    }
    check(fields, what);
    return fields;
  }

  private static void check(String[] fields, String what) {
    for (String field : fields) {
      if (field.isEmpty()) {
        throw new IllegalArgumentException(what + " has an empty field (two spaces in a row?)");
      }
    }
  }
}
