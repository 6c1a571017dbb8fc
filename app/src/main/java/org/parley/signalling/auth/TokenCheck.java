package org.parley.signalling.auth;

/** The outcome of checking a login token; only {@link #VALID} admits the user. */
public enum TokenCheck {
  VALID,
  /** Not three dot-separated parts of the right syntax. */
  MALFORMED,
  /** Issued for another user. */
  WRONG_USER,
  /** The MAC does not match: forged or made with another secret. */
  BAD_MAC,
  /** Authentic but past its expiry. */
  EXPIRED
}
