package org.parley.signalling.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.parley.signalling.protocol.CallEndReason;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.Protocol;
import org.parley.signalling.protocol.ProtocolException;

/**
 * The call messages ({@code invite} ... {@code message}): checks each against the call's state
 * and the sender's part in it, answers, forwards to the other party with {@code from}, and
 * ends calls for the server (peer gone, ring timeout). Throws {@link ProtocolException} for a
 * message that must be answered with an error. Confined to the server core thread.
 */
final class CallService {
  private static final System.Logger LOG = System.getLogger(CallService.class.getName());
  private static final MessageCodec CODEC = new MessageCodec();

  private final CallRegistry calls;
  private final UserDirectory directory;
  private final MessageRouter router;
  private final Presence presence;
  private final MissedCallStore missed;
  private final Clock clock;
  private final Duration ringTimeout;

  CallService(CallRegistry calls, UserDirectory directory, MessageRouter router,
      Presence presence, MissedCallStore missed, Clock clock, Duration ringTimeout) {
    this.calls = calls;
    this.directory = directory;
    this.router = router;
    this.presence = presence;
    this.missed = missed;
    this.clock = clock;
    this.ringTimeout = ringTimeout;
  }

  /** Handles a call message from the logged-in {@code user} on {@code c}. */
  void handle(Connection c, String user, Message m) throws ProtocolException {
    if (m.type() == MessageType.INVITE) {
      invite(c, user, m);
      return;
    }
    String callId = m.string("callId");
    Call call = calls.get(callId);
    if (call == null) {
      throw error(m, ErrorCode.UNKNOWN_CALL, "no call '" + callId + "'");
    }
    if (!call.isParty(user)) {
      throw error(m, ErrorCode.NOT_IN_CALL, "you are not a party of call '" + callId + "'");
    }
    boolean callee = call.callee.equals(user);
    switch (m.type()) {
      case RINGING:
        require(m, callee && call.state == Call.State.RINGING, "only a ringing callee");
        break;
      case ACCEPT:
        require(m, callee && call.state == Call.State.RINGING, "only a ringing callee");
        call.state = Call.State.TALKING;
        break;
      case REJECT:
        require(m, callee && call.state == Call.State.RINGING, "only a ringing callee");
        calls.remove(call);
        break;
      case CANCEL:
        require(m, !callee && call.state == Call.State.RINGING, "only the caller before accept");
        calls.remove(call);
        if ("timeout".equals(m.string("reason")) && directory.lookup(call.callee).isEmpty()) {
          storeMissed(call);
        }
        break;
      case HANGUP:
        calls.remove(call);
        break;
      case MEDIA_UPDATE:
        require(m, call.state == Call.State.TALKING, "only while talking");
        break;
      case MESSAGE:
        break;
      default:
        throw new IllegalArgumentException("not a call message: " + m.type());
    }
    Message forward = Replies.forward(m, user);
    checkSize(forward, m);
    acknowledge(c, m);
    router.deliver(call.other(user), forward);
    if (m.type() == MessageType.ACCEPT) {
      presence.announce(call.caller);
      presence.announce(call.callee);
    } else if (calls.get(callId) == null && call.state == Call.State.TALKING) {
      presence.announce(call.caller);
      presence.announce(call.callee);
    }
  }

  private void invite(Connection c, String caller, Message m) throws ProtocolException {
    String callId = m.string("callId");
    String callee = m.string("to");
    if (callee.equals(caller)) {
      throw error(m, ErrorCode.BAD_MESSAGE, "field 'to' must not be yourself");
    }
    if (calls.get(callId) != null) {
      throw error(m, ErrorCode.CALL_EXISTS, "call '" + callId + "' exists");
    }
    if (calls.inAnyCall(caller)) {
      throw error(m, ErrorCode.BAD_STATE, "you are already in a call");
    }
    Message forward = Replies.forward(m, caller);
    checkSize(forward, m);
    Instant now = clock.instant();
    Call call = new Call(callId, caller, callee, m.bool("video", false), m.string("extraParam"),
        now);
    acknowledge(c, m);
    if (directory.lookup(callee).isEmpty()) {
      storeMissed(call);
      router.deliver(caller, Replies.callEnded(callId, CallEndReason.USER_OFFLINE,
          callee + " is not logged in"));
    } else if (calls.inAnyCall(callee)) {
      router.deliver(caller, Replies.callEnded(callId, CallEndReason.BUSY,
          callee + " is in another call"));
    } else {
      calls.add(call);
      router.deliver(callee, forward);
    }
  }

  /**
   * Ends every call of {@code user}, who is gone: the other party gets {@code call-ended}
   * {@code network}; a call still ringing for {@code user} is stored as missed.
   */
  void userGone(String user, String description) {
    for (Call call : calls.callsOf(user)) {
      calls.remove(call);
      if (call.state == Call.State.RINGING && call.callee.equals(user)) {
        storeMissed(call);
      }
      String other = call.other(user);
      router.deliver(other, Replies.callEnded(call.id, CallEndReason.NETWORK, description));
      if (call.state == Call.State.TALKING) {
        presence.announce(other);
      }
    }
  }

  /** Ends the calls that rang past the ring timeout at {@code now}. */
  void sweep(Instant now) {
    for (Call call : calls.all()) {
      if (call.state == Call.State.RINGING
          && !now.isBefore(call.createdAt.plus(ringTimeout))) {
        calls.remove(call);
        String text = "no answer within " + ringTimeout.toSeconds() + " s";
        router.deliver(call.caller, Replies.callEnded(call.id, CallEndReason.TIMEOUT, text));
        router.deliver(call.callee, Replies.callEnded(call.id, CallEndReason.TIMEOUT, text));
      }
    }
  }

  private void storeMissed(Call call) {
    boolean stored = missed.add(call.callee, new MissedCallStore.MissedCall(call.id, call.caller,
        call.video, call.extraParam, clock.instant()));
    if (!stored) {
      LOG.log(System.Logger.Level.WARNING, "missed-call store full; dropped call {0}", call.id);
    }
  }

  /** The forward must stay within the message limit for the receiver to accept it. */
  private static void checkSize(Message forward, Message m) throws ProtocolException {
    if (CODEC.encodedBytes(forward) > Protocol.MAX_MESSAGE_BYTES) {
      throw error(m, ErrorCode.TOO_LARGE, "the message with 'from' added would exceed "
          + Protocol.MAX_MESSAGE_BYTES + " bytes");
    }
  }

  private static void acknowledge(Connection c, Message m) {
    if (m.id() != null) {
      c.send(Replies.ack(m.id()));
    }
  }

  private static void require(Message m, boolean ok, String who) throws ProtocolException {
    if (!ok) {
      throw error(m, ErrorCode.BAD_STATE, "'" + m.type().wireName() + "' is for " + who);
    }
  }

  private static ProtocolException error(Message m, ErrorCode code, String text) {
    return new ProtocolException(code, text, m.id());
  }
}
