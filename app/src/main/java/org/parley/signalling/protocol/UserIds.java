package org.parley.signalling.protocol;

import java.util.regex.Pattern;

/** Syntax of user ids: {@code [A-Za-z0-9._@-]{1,64}}. */
public final class UserIds {
  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private UserIds() {}

  /** Whether {@code id} is a well-formed user id (null is not). */
  public static boolean isValid(String id) {
    return id != null && id.length() <= 64 && SYNTAX.matcher(id).matches();
  }
}
