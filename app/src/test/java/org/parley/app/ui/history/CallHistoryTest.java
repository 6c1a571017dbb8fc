package org.parley.app.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

class CallHistoryTest {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path dir;
  final FakeClock clock = new FakeClock(T0);

  /** A clock the test moves by hand. */
  static final class FakeClock extends Clock {
    Instant now;

    FakeClock(Instant now) { this.now = now; }

    void advance(Duration d) { now = now.plus(d); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return now; }
  }

  static CallItem item(String id, CallDirection dir, CallState state, CallReason reason, Instant begin, Instant talking) {
    return CallItem.builder(id, "bob", dir, begin).video(true).state(state).reason(reason)
        .talkingBeginTime(talking).build();
  }

  CallHistory open() {
    return new CallHistory(dir.resolve("history.json"), clock);
  }

  @Test
  void answeredCallKeepsTimesAndDuration() {
    try (CallHistory h = open()) {
      Instant talking = T0.plusSeconds(5);
      clock.advance(Duration.ofSeconds(65));
      h.onCallItemRemove(item("c1", CallDirection.OUT, CallState.OK, CallReason.TERM_BY_SELF, T0, talking),
          CallReason.TERM_BY_SELF, "bye");
      CallRecordEntry e = h.entries().get(0);
      assertEquals("c1", e.callId());
      assertEquals("bob", e.peerUserId());
      assertEquals(CallDirection.OUT, e.direction());
      assertTrue(e.video());
      assertEquals(T0, e.beginTime());
      assertEquals(talking, e.talkingBeginTime());
      assertEquals(Duration.ofSeconds(60), e.duration());
      assertEquals(CallState.OK, e.state());
      assertEquals(CallReason.TERM_BY_SELF, e.reason());
      assertEquals("bye", e.description());
      assertFalse(e.missed());
      assertEquals(0, h.unseenMissed());
    }
  }

  @Test
  void callRemovedAsMissedAndReportedMissedIsRecordedOnce() {
    try (CallHistory h = open()) {
      CallItem missed = item("m1", CallDirection.IN, CallState.MISSED, CallReason.TIMEOUT, T0, null);
      h.onCallItemRemove(missed, CallReason.TIMEOUT, "not answered");
      h.onMissedCallItem(missed);
      assertEquals(1, h.entries().size());
      assertTrue(h.entries().get(0).missed());
      assertEquals(Duration.ZERO, h.entries().get(0).duration());
      assertNull(h.entries().get(0).talkingBeginTime());
      assertEquals(1, h.unseenMissed());
      h.markSeen();
      assertEquals(0, h.unseenMissed());
    }
  }

  @Test
  void offlineMissedCallsAreAddedInTimeOrderNewestFirst() {
    try (CallHistory h = open()) {
      h.onCallItemRemove(item("new", CallDirection.OUT, CallState.CANCEL, CallReason.TIMEOUT, T0, null),
          CallReason.TIMEOUT, "");
      h.onMissedCallItem(item("old", CallDirection.IN, CallState.MISSED, CallReason.USER_OFFLINE,
          T0.minus(Duration.ofDays(2)), null));
      h.onMissedCallItem(item("mid", CallDirection.IN, CallState.MISSED, CallReason.BUSY,
          T0.minus(Duration.ofHours(1)), null));
      assertEquals(List.of("new", "mid", "old"), h.entries().stream().map(CallRecordEntry::callId).toList());
      assertEquals(2, h.unseenMissed());
    }
  }

  @Test
  void persistenceRoundTrip() {
    try (CallHistory h = open()) {
      h.onCallItemRemove(item("a", CallDirection.OUT, CallState.OK, CallReason.TERM_BY_PEER, T0, T0.plusSeconds(2)),
          CallReason.TERM_BY_PEER, "peer left");
      clock.advance(Duration.ofMinutes(3));
      h.onMissedCallItem(item("b", CallDirection.IN, CallState.MISSED, CallReason.CANCELED, T0.plusSeconds(60), null));
      h.flush();
      List<CallRecordEntry> before = h.entries();
      try (CallHistory again = open()) {
        again.flush();
        assertEquals(before, again.entries());
        assertEquals(1, again.unseenMissed());
      }
    }
    assertFalse(Files.exists(dir.resolve("history.json.bad")));
  }

  @Test
  void clearEmptiesTheFileToo() {
    try (CallHistory h = open()) {
      h.onMissedCallItem(item("b", CallDirection.IN, CallState.MISSED, CallReason.CANCELED, T0, null));
      h.clear();
      assertEquals(List.of(), h.entries());
      assertEquals(0, h.unseenMissed());
    }
    try (CallHistory again = open()) {
      again.flush();
      assertEquals(List.of(), again.entries());
    }
  }

  static Stream<Arguments> corruptFiles() {
    return Stream.of(
        Arguments.of("not json", "{{{ nope"),
        Arguments.of("wrong version", "{\"version\":99,\"entries\":[]}"),
        Arguments.of("entry lacks a field", "{\"version\":1,\"entries\":[{\"id\":\"x\"}]}"),
        Arguments.of("unknown state", "{\"version\":1,\"entries\":[{\"id\":\"x\",\"peer\":\"p\",\"direction\":\"IN\","
            + "\"video\":true,\"begin\":1,\"durationMs\":0,\"state\":\"LOST\",\"reason\":\"NONE\"}]}"),
        Arguments.of("an array", "[]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptFiles")
  void corruptFileGivesEmptyHistoryAndIsKeptAside(String name, String content) throws Exception {
    Files.writeString(dir.resolve("history.json"), content, StandardCharsets.UTF_8);
    try (CallHistory h = open()) {
      h.flush();
      assertEquals(List.of(), h.entries());
      assertEquals(content, Files.readString(dir.resolve("history.json.bad"), StandardCharsets.UTF_8));
      h.onMissedCallItem(item("after", CallDirection.IN, CallState.MISSED, CallReason.TIMEOUT, T0, null));
    }
    try (CallHistory again = open()) {
      again.flush();
      assertEquals(List.of("after"), again.entries().stream().map(CallRecordEntry::callId).toList());
    }
  }

  @Test
  void keepsAtMostTheNewestFiveHundred() {
    try (CallHistory h = open()) {
      for (int i = 0; i < CallHistory.MAX_ENTRIES + 20; i++) {
        h.onMissedCallItem(item("c" + i, CallDirection.IN, CallState.MISSED, CallReason.TIMEOUT,
            T0.plusSeconds(i), null));
      }
      List<CallRecordEntry> entries = h.entries();
      assertEquals(CallHistory.MAX_ENTRIES, entries.size());
      assertEquals("c" + (CallHistory.MAX_ENTRIES + 19), entries.get(0).callId());
      assertEquals("c20", entries.get(entries.size() - 1).callId());
      assertEquals(CallHistory.MAX_ENTRIES, h.unseenMissed());
      h.flush();
    }
    try (CallHistory again = open()) {
      again.flush();
      assertEquals(CallHistory.MAX_ENTRIES, again.entries().size());
    }
  }

  @Test
  void listenersHearChangesOnTheSwingThread() throws Exception {
    try (CallHistory h = open()) {
      java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
      boolean[] onEdt = new boolean[1];
      h.addListener(() -> {
        onEdt[0] = java.awt.EventQueue.isDispatchThread();
        heard.countDown();
      });
      h.onMissedCallItem(item("x", CallDirection.IN, CallState.MISSED, CallReason.TIMEOUT, T0, null));
      assertTrue(heard.await(30, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(onEdt[0]);
    }
  }
}
