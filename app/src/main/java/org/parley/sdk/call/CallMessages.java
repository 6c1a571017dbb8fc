package org.parley.sdk.call;

import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** Builds the call messages a client sends ({@code docs/signalling-protocol.md}, "Calls"). */
final class CallMessages {
  /** Limits of the protocol's fields. */
  static final int MAX_MSG_TYPE = 64;
  static final int MAX_CONTENT = 16 * 1024;
  static final int MAX_EXTRA_PARAM = 4 * 1024;
  static final int MAX_DESCRIPTION = 256;

  private CallMessages() {}

  static Message invite(String callId, String to, boolean video, String sdp, String extraParam) {
    Message.Builder b = Message.builder(MessageType.INVITE)
        .put("callId", callId).put("to", to).put("video", video).put("sdp", sdp);
    if (extraParam != null && !extraParam.isEmpty()) {
      b.put("extraParam", extraParam);
    }
    return b.build();
  }

  static Message ringing(String callId) {
    return Message.builder(MessageType.RINGING).put("callId", callId).build();
  }

  static Message accept(String callId, boolean video, String sdp) {
    return Message.builder(MessageType.ACCEPT)
        .put("callId", callId).put("video", video).put("sdp", sdp).build();
  }

  static Message reject(String callId, boolean busy) {
    return Message.builder(MessageType.REJECT)
        .put("callId", callId).put("reason", busy ? "busy" : "decline").build();
  }

  static Message cancel(String callId, boolean timeout) {
    return Message.builder(MessageType.CANCEL)
        .put("callId", callId).put("reason", timeout ? "timeout" : "cancel").build();
  }

  static Message hangup(String callId, CallReason reason, String description) {
    Message.Builder b = Message.builder(MessageType.HANGUP)
        .put("callId", callId).put("reason", reason.wireName());
    if (description != null && !description.isEmpty()) {
      b.put("description", clip(description, MAX_DESCRIPTION));
    }
    return b.build();
  }

  static Message mediaUpdate(String callId, boolean micMuted, boolean videoSending, boolean held) {
    return Message.builder(MessageType.MEDIA_UPDATE)
        .put("callId", callId)
        .put("micMuted", micMuted)
        .put("videoSending", videoSending)
        .put("held", held)
        .build();
  }

  static Message message(String callId, String type, String content) {
    return Message.builder(MessageType.MESSAGE)
        .put("callId", callId).put("msgType", type).put("content", content).build();
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
