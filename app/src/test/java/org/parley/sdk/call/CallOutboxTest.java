package org.parley.sdk.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.sdk.event.FakeScheduler;
import org.parley.signalling.protocol.MessageType;

/** Outgoing call messages: what a refusal means, and answers coming back on the event thread. */
class CallOutboxTest {
  private final FakeScheduler scheduler = new FakeScheduler();
  private final FakeSignalling signalling = new FakeSignalling();
  private final CallBook book = new CallBook();
  private final CallOutbox outbox = new CallOutbox(signalling, scheduler, book);
  private final List<String> seen = new ArrayList<>();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "NOT_LOGGED_IN, REQUEST_NOT_LOGGED_IN",
    "INVALID_USER, REQUEST_NOT_FOUND",
    "UNKNOWN_CALL, REQUEST_NOT_FOUND",
    "NOT_IN_CALL, REQUEST_NOT_FOUND",
    CallRequestException.TIMEOUT + ", SIGNALLING_LOST",
    CallRequestException.DISCONNECTED + ", SIGNALLING_LOST",
    CallRequestException.CLOSED + ", SIGNALLING_LOST",
    "RATE_LIMITED, REQUEST_FAILED",
    "INTERNAL, REQUEST_FAILED",
  })
  void refusalCodesMapToEvents(String code, CallEvent event) {
    assertEquals(event, CallOutbox.eventForError(code));
  }

  private CallRecord live(String id) {
    CallRecord c = new CallRecord(CallItem.builder(id, "bob", CallDirection.OUT, Instant.EPOCH)
        .state(CallState.PENDING).build());
    book.add(c);
    return c;
  }

  @Test
  void ackAndRefusalArriveOnTheEventThreadForLiveCalls() {
    live("c1");
    signalling.autoAck = false;
    outbox.request("c1", CallMessages.ringing("c1"), () -> seen.add("ack"), (c, e, d) -> seen.add(e.name()));
    outbox.request("c1", CallMessages.ringing("c1"), () -> seen.add("ack"), (c, e, d) -> seen.add(e.name()));
    signalling.ack(MessageType.RINGING);
    signalling.fail(MessageType.RINGING, "INVALID_USER");
    assertEquals(List.of(), seen, "nothing before the event thread runs");
    scheduler.runPending();
    assertEquals(List.of("ack", "REQUEST_NOT_FOUND"), seen);
  }

  @Test
  void answersForEndedCallsAreDropped() {
    CallRecord c = live("c1");
    signalling.autoAck = false;
    outbox.request("c1", CallMessages.ringing("c1"), () -> seen.add("ack"), (r, e, d) -> seen.add(e.name()));
    book.remove(c);
    signalling.fail(MessageType.RINGING, "NOT_LOGGED_IN");
    scheduler.runPending();
    assertEquals(List.of(), seen);
    assertNull(book.get("c1"));
  }
}
