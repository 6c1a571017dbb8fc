package org.parley.signalling.server;

/**
 * One client's transport as the server core sees it: send a text frame, close with a status.
 * Both must be safe to call on a link that is already closed (they then do nothing).
 */
interface ClientLink {
  /** Sends one text frame; false when the link is no longer open (the frame is dropped). */
  boolean send(String text);

  /** Closes with a WebSocket status (RFC 6455 section 7.4) and a short reason. */
  void close(int status, String reason);

  /** A description for logs (remote address). */
  String describe();
}
