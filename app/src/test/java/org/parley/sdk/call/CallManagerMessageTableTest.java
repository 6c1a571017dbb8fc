package org.parley.sdk.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.sdk.event.FakeScheduler;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/**
 * Every call message the server can push, in every live state a call can be in, through the
 * whole manager: the state it ends in must be what {@link CallStateMachine} says (a message the
 * table ignores leaves the call as it was), and a final state must be reported by exactly one
 * onCallItemRemove.
 */
class CallManagerMessageTableTest {
  private static final String ID = "call-0042";

  /** A start: a direction and a way to bring a fresh manager's call into a state. */
  private enum Start {
    OUT_PENDING(CallDirection.OUT, CallState.PENDING),
    IN_PENDING(CallDirection.IN, CallState.PENDING),
    IN_CONNECTING(CallDirection.IN, CallState.CONNECTING),
    OUT_TALKING(CallDirection.OUT, CallState.TALKING),
    IN_TALKING(CallDirection.IN, CallState.TALKING);

    final CallDirection direction;
    final CallState state;

    Start(CallDirection direction, CallState state) {
      this.direction = direction;
      this.state = state;
    }
  }

  private static List<Message> messages(String callId) {
    List<Message> all = new ArrayList<>();
    all.add(m(MessageType.RINGING, callId));
    all.add(m(MessageType.ACCEPT, callId, "video", "true", "sdp", "answer"));
    for (String r : List.of("decline", "busy")) {
      all.add(m(MessageType.REJECT, callId, "reason", r));
    }
    for (String r : List.of("cancel", "timeout")) {
      all.add(m(MessageType.CANCEL, callId, "reason", r));
    }
    for (String r : List.of("term", "network")) {
      all.add(m(MessageType.HANGUP, callId, "reason", r));
    }
    for (String r : List.of("network", "busy", "user-offline", "timeout", "not-found")) {
      all.add(m(MessageType.CALL_ENDED, callId, "reason", r));
    }
    all.add(m(MessageType.MEDIA_UPDATE, callId, "micMuted", "true"));
    all.add(m(MessageType.MESSAGE, callId, "msgType", "t", "content", "c"));
    all.add(m(MessageType.INVITE, callId, "sdp", "offer"));
    return all;
  }

  private static Message m(MessageType type, String callId, String... fields) {
    Message.Builder b = Message.builder(type).put("callId", callId).put("from", "bob");
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i + 1].equals("true")) {
        b.put(fields[i], true);
      } else {
        b.put(fields[i], fields[i + 1]);
      }
    }
    return b.build();
  }

  @Test
  void everyMessageInEveryState() {
    int checked = 0;
    for (Start start : Start.values()) {
      for (Message message : messages(ID)) {
        FakeScheduler scheduler = new FakeScheduler();
        FakeSignalling signalling = new FakeSignalling();
        RecordingCallback events = new RecordingCallback();
        CallManager calls = new CallManager("alice", signalling, new FakeMediaFactory(), scheduler,
            scheduler.clock(), CallConfig.defaults());
        calls.setCallback(events);
        signalling.autoAck = start != Start.IN_CONNECTING;
        String id = bring(calls, scheduler, start);
        Message msg = message.toBuilder().put("callId", id).build();
        calls.onSignallingMessage(msg);
        scheduler.runPending();

        String where = start + " + " + msg;
        CallEvent event = CallEvent.of(msg);
        CallStateMachine.Transition t = event == null ? null
            : CallStateMachine.next(start.direction, start.state, event);
        CallState expected = t == null ? start.state : t.state();
        if (t != null && expected == CallState.CONNECTING && start.direction == CallDirection.OUT) {
          expected = CallState.TALKING; // the caller starts media at once
        }
        List<RecordingCallback.Event> removes = events.of("remove");
        if (expected.isEnded()) {
          assertEquals(1, removes.size(), where);
          assertEquals(expected, removes.get(0).item().state(), where);
          assertEquals(t.reason(), removes.get(0).reason(), where);
          assertTrue(calls.getCallItems().isEmpty(), where);
        } else {
          assertEquals(0, removes.size(), where);
          assertEquals(expected, calls.getCallItems().get(0).state(), where);
        }
        checked++;
      }
    }
    assertEquals(Start.values().length * messages(ID).size(), checked);
  }

  /** Brings a fresh manager's one call into {@code start}; returns its id. */
  private static String bring(CallManager calls, FakeScheduler scheduler, Start start) {
    String id;
    if (start.direction == CallDirection.OUT) {
      id = calls.call("bob", true, "").id();
      scheduler.runPending();
      if (start.state == CallState.TALKING) {
        calls.onSignallingMessage(m(MessageType.ACCEPT, id, "video", "true", "sdp", "answer"));
      }
    } else {
      id = ID;
      calls.onSignallingMessage(m(MessageType.INVITE, id, "video", "true", "sdp", "offer"));
      scheduler.runPending();
      if (start.state != CallState.PENDING) {
        CallItem item = calls.getCallItems().get(0);
        calls.answer(item, true);
      }
    }
    scheduler.runPending();
    assertEquals(start.state, calls.getCallItems().get(0).state(), "set-up of " + start);
    return id;
  }
}
