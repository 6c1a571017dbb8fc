package org.parley.sdk.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sdk.call.CallStateMachine.Transition;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** The call state table: named cases, then invariants over every event in every state. */
class CallStateMachineTest {
  private static final CallDirection IN = CallDirection.IN;
  private static final CallDirection OUT = CallDirection.OUT;

  record Case(String name, CallDirection dir, CallState from, CallEvent event, CallState to, CallReason reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> table() {
    return Stream.of(
        new Case("caller: answer arrives", OUT, CallState.PENDING, CallEvent.ACCEPT, CallState.CONNECTING, CallReason.NONE),
        new Case("caller: media starts", OUT, CallState.CONNECTING, CallEvent.MEDIA_STARTED, CallState.TALKING, CallReason.NONE),
        new Case("caller: ringing keeps pending", OUT, CallState.PENDING, CallEvent.RINGING, null, null),
        new Case("caller cancels", OUT, CallState.PENDING, CallEvent.LOCAL_TERM, CallState.CANCEL, CallReason.TERM_BY_SELF),
        new Case("caller's ring timer", OUT, CallState.PENDING, CallEvent.RING_TIMEOUT, CallState.CANCEL, CallReason.TIMEOUT),
        new Case("server's ring timer at caller", OUT, CallState.PENDING, CallEvent.CALL_ENDED_TIMEOUT, CallState.CANCEL, CallReason.TIMEOUT),
        new Case("callee declines", OUT, CallState.PENDING, CallEvent.REJECT_DECLINE, CallState.CANCELED, CallReason.DECLINE),
        new Case("callee busy", OUT, CallState.PENDING, CallEvent.REJECT_BUSY, CallState.CANCELED, CallReason.BUSY),
        new Case("server says busy", OUT, CallState.PENDING, CallEvent.CALL_ENDED_BUSY, CallState.CANCELED, CallReason.BUSY),
        new Case("callee offline", OUT, CallState.PENDING, CallEvent.CALL_ENDED_USER_OFFLINE, CallState.ERROR, CallReason.USER_OFFLINE),
        new Case("unknown callee", OUT, CallState.PENDING, CallEvent.REQUEST_NOT_FOUND, CallState.ERROR, CallReason.NOT_FOUND),
        new Case("not logged in", OUT, CallState.PENDING, CallEvent.REQUEST_NOT_LOGGED_IN, CallState.ERROR, CallReason.NOT_LOGGED_IN),
        new Case("caller: no media before answer", OUT, CallState.PENDING, CallEvent.MEDIA_LOST, null, null),
        new Case("callee answers", IN, CallState.PENDING, CallEvent.LOCAL_ANSWER, CallState.CONNECTING, CallReason.NONE),
        new Case("callee's accept acked", IN, CallState.CONNECTING, CallEvent.ACCEPT_ACKED, CallState.TALKING, CallReason.NONE),
        new Case("callee: media start is not the signal", IN, CallState.CONNECTING, CallEvent.MEDIA_STARTED, null, null),
        new Case("callee declines itself", IN, CallState.PENDING, CallEvent.LOCAL_TERM, CallState.CANCELED, CallReason.TERM_BY_SELF),
        new Case("callee refuses busy", IN, CallState.PENDING, CallEvent.LOCAL_BUSY, CallState.CANCELED, CallReason.BUSY),
        new Case("caller cancels: missed", IN, CallState.PENDING, CallEvent.CANCEL, CallState.MISSED, CallReason.CANCELED),
        new Case("caller's timer: missed", IN, CallState.PENDING, CallEvent.CANCEL_TIMEOUT, CallState.MISSED, CallReason.TIMEOUT),
        new Case("callee's ring timer: missed", IN, CallState.PENDING, CallEvent.RING_TIMEOUT, CallState.MISSED, CallReason.TIMEOUT),
        new Case("caller vanished: missed", IN, CallState.PENDING, CallEvent.CALL_ENDED_NETWORK, CallState.MISSED, CallReason.NETWORK),
        new Case("cancel races the answer", IN, CallState.CONNECTING, CallEvent.CANCEL, CallState.CANCELED, CallReason.CANCELED),
        new Case("answer never connects", IN, CallState.CONNECTING, CallEvent.CONNECT_TIMEOUT, CallState.ERROR, CallReason.NETWORK),
        new Case("we hang up", OUT, CallState.TALKING, CallEvent.LOCAL_TERM, CallState.OK, CallReason.TERM_BY_SELF),
        new Case("peer hangs up", IN, CallState.TALKING, CallEvent.HANGUP, CallState.OK, CallReason.TERM_BY_PEER),
        new Case("peer lost us", IN, CallState.TALKING, CallEvent.HANGUP_NETWORK, CallState.ERROR, CallReason.NETWORK),
        new Case("peer gone", OUT, CallState.TALKING, CallEvent.CALL_ENDED_NETWORK, CallState.ERROR, CallReason.NETWORK),
        new Case("media timeout", OUT, CallState.TALKING, CallEvent.MEDIA_LOST, CallState.ERROR, CallReason.NETWORK),
        new Case("session lost", IN, CallState.TALKING, CallEvent.SIGNALLING_LOST, CallState.ERROR, CallReason.NETWORK),
        new Case("server session limit", IN, CallState.TALKING, CallEvent.CALL_ENDED_TIMEOUT, CallState.ERROR, CallReason.SESSION_TIMEOUT),
        new Case("media fails while talking", OUT, CallState.TALKING, CallEvent.MEDIA_FAILED, CallState.ERROR, CallReason.MEDIA_ERROR),
        new Case("accept while talking ignored", OUT, CallState.TALKING, CallEvent.ACCEPT, null, null),
        new Case("answer while talking ignored", IN, CallState.TALKING, CallEvent.LOCAL_ANSWER, null, null),
        new Case("caller cannot answer", OUT, CallState.PENDING, CallEvent.LOCAL_ANSWER, null, null),
        new Case("callee ignores accept", IN, CallState.PENDING, CallEvent.ACCEPT, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void transitions(Case c) {
    Transition t = CallStateMachine.next(c.dir(), c.from(), c.event());
    if (c.to() == null) {
      assertNull(t, c.name());
    } else {
      assertEquals(new Transition(c.to(), c.reason()), t, c.name());
    }
  }

  @Test
  void everyEventInEveryStateIsConsistent() {
    for (CallDirection dir : CallDirection.values()) {
      for (CallState state : CallState.values()) {
        for (CallEvent event : CallEvent.values()) {
          Transition t = CallStateMachine.next(dir, state, event);
          String where = dir + " " + state + " " + event;
          if (state.isEnded()) {
            assertNull(t, "final states never change: " + where);
            continue;
          }
          if (t == null) {
            continue;
          }
          if (t.state().isEnded()) {
            assertNotEquals(CallReason.NONE, t.reason(), "an end has a reason: " + where);
          } else {
            assertEquals(CallReason.NONE, t.reason(), where);
            assertTrue(t.state().ordinal() > state.ordinal(), "live states only move forward: " + where);
          }
          if (t.state() == CallState.MISSED) {
            assertEquals(CallDirection.IN, dir, "only incoming calls are missed: " + where);
          }
          if (t.state() == CallState.CANCEL) {
            assertEquals(CallDirection.OUT, dir, "only the caller cancels: " + where);
          }
        }
        // Whatever happens, a live call can always be ended by the user and by a lost session.
        for (CallEvent must : List.of(CallEvent.LOCAL_TERM, CallEvent.SIGNALLING_LOST, CallEvent.MEDIA_FAILED)) {
          if (!state.isEnded()) {
            Transition t = CallStateMachine.next(dir, state, must);
            assertTrue(t != null && t.state().isEnded(), dir + " " + state + " " + must);
          }
        }
      }
    }
  }

  @Test
  void messagesMapToEvents() {
    record M(MessageType type, String reason, CallEvent event) {}
    for (M m : List.of(
        new M(MessageType.RINGING, null, CallEvent.RINGING),
        new M(MessageType.ACCEPT, null, CallEvent.ACCEPT),
        new M(MessageType.REJECT, "decline", CallEvent.REJECT_DECLINE),
        new M(MessageType.REJECT, "busy", CallEvent.REJECT_BUSY),
        new M(MessageType.CANCEL, null, CallEvent.CANCEL),
        new M(MessageType.CANCEL, "timeout", CallEvent.CANCEL_TIMEOUT),
        new M(MessageType.HANGUP, "term", CallEvent.HANGUP),
        new M(MessageType.HANGUP, "network", CallEvent.HANGUP_NETWORK),
        new M(MessageType.CALL_ENDED, "network", CallEvent.CALL_ENDED_NETWORK),
        new M(MessageType.CALL_ENDED, "busy", CallEvent.CALL_ENDED_BUSY),
        new M(MessageType.CALL_ENDED, "user-offline", CallEvent.CALL_ENDED_USER_OFFLINE),
        new M(MessageType.CALL_ENDED, "timeout", CallEvent.CALL_ENDED_TIMEOUT),
        new M(MessageType.CALL_ENDED, "not-found", CallEvent.CALL_ENDED_NOT_FOUND),
        new M(MessageType.MEDIA_UPDATE, null, null),
        new M(MessageType.MESSAGE, null, null),
        new M(MessageType.INVITE, null, null))) {
      Message.Builder b = Message.builder(m.type()).put("callId", "call-0001");
      if (m.reason() != null) {
        b.put("reason", m.reason());
      }
      assertEquals(m.event(), CallEvent.of(b.build()), m.toString());
    }
  }
}
