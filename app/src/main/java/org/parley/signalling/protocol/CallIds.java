package org.parley.signalling.protocol;

import java.util.UUID;
import java.util.regex.Pattern;

/** Syntax of call ids: {@code [A-Za-z0-9-]{8,64}}; the caller makes a random UUID. */
public final class CallIds {
  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9-]{8,64}");

  private CallIds() {}

  /** Whether {@code id} is a well-formed call id (null is not). */
  public static boolean isValid(String id) {
    return id != null && id.length() <= 64 && SYNTAX.matcher(id).matches();
  }

  /** A fresh random call id (a UUID). */
  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
