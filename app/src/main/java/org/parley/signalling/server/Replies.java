package org.parley.signalling.server;

import org.parley.signalling.protocol.CallEndReason;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** Builders of the messages the server itself writes. */
final class Replies {
  private Replies() {}

  static Message ack(String re) {
    return Message.builder(MessageType.ACK).re(re).build();
  }

  static Message error(String re, ErrorCode code, String text) {
    return Message.builder(MessageType.ERROR).re(re).put("code", code.wireName())
        .put("message", text.length() > 1024 ? text.substring(0, 1024) : text).build();
  }

  static Message callEnded(String callId, CallEndReason reason, String description) {
    return Message.builder(MessageType.CALL_ENDED).put("callId", callId)
        .put("reason", reason.wireName()).put("description", description).build();
  }

  /** {@code m} as forwarded to the other party: without the sender's id, with {@code from}. */
  static Message forward(Message m, String from) {
    return m.withoutId().with("from", from);
  }
}
