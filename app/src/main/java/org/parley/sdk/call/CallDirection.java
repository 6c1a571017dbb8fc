package org.parley.sdk.call;

/** Who placed a call: {@link #OUT} we called the peer, {@link #IN} the peer called us. */
public enum CallDirection {
  IN,
  OUT
}
