package org.parley.signalling.server;

import java.time.Instant;

/**
 * One call the server knows: id, caller, callee, whether it was offered with video, its state
 * and when it was created. Confined to the server core thread.
 */
final class Call {
  /** The server's view of a call's state; a finished call is removed instead. */
  enum State { RINGING, TALKING }

  final String id;
  final String caller;
  final String callee;
  final boolean video;
  final String extraParam;
  final Instant createdAt;
  State state = State.RINGING;

  Call(String id, String caller, String callee, boolean video, String extraParam,
      Instant createdAt) {
    this.id = id;
    this.caller = caller;
    this.callee = callee;
    this.video = video;
    this.extraParam = extraParam;
    this.createdAt = createdAt;
  }

  boolean isParty(String user) {
    return caller.equals(user) || callee.equals(user);
  }

  /** The party that is not {@code user}. */
  String other(String user) {
    return caller.equals(user) ? callee : caller;
  }
}
