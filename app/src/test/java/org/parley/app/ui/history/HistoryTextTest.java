package org.parley.app.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

class HistoryTextTest {
  static final Instant BEGIN = Instant.parse("2026-11-21T10:00:00Z");

  static CallRecordEntry entry(CallDirection dir, CallState state, CallReason reason, boolean answered) {
    return new CallRecordEntry("id", "bob", dir, false, BEGIN, answered ? BEGIN.plusSeconds(2) : null,
        answered ? Duration.ofSeconds(83) : Duration.ZERO, state, reason, "");
  }

  static Stream<Arguments> outcomes() {
    return Stream.of(
        Arguments.of("missed, rang out", CallDirection.IN, CallState.MISSED, CallReason.TIMEOUT, false, "Missed"),
        Arguments.of("missed while offline", CallDirection.IN, CallState.MISSED, CallReason.USER_OFFLINE, false, "Missed"),
        Arguments.of("outgoing talked", CallDirection.OUT, CallState.OK, CallReason.TERM_BY_SELF, true, "Outgoing"),
        Arguments.of("incoming talked", CallDirection.IN, CallState.OK, CallReason.TERM_BY_PEER, true, "Incoming"),
        Arguments.of("dropped mid-call", CallDirection.IN, CallState.ERROR, CallReason.NETWORK, true, "Incoming"),
        Arguments.of("nobody answered", CallDirection.OUT, CallState.CANCEL, CallReason.TIMEOUT, false, "No answer"),
        Arguments.of("we gave up", CallDirection.OUT, CallState.CANCEL, CallReason.TERM_BY_SELF, false, "Cancelled"),
        Arguments.of("peer busy", CallDirection.OUT, CallState.CANCELED, CallReason.BUSY, false, "Busy"),
        Arguments.of("peer declined", CallDirection.OUT, CallState.CANCELED, CallReason.DECLINE, false, "Declined"),
        Arguments.of("we declined", CallDirection.IN, CallState.CANCELED, CallReason.TERM_BY_SELF, false, "Declined"),
        Arguments.of("peer offline", CallDirection.OUT, CallState.ERROR, CallReason.USER_OFFLINE, false, "Not available"),
        Arguments.of("unknown user", CallDirection.OUT, CallState.ERROR, CallReason.NOT_FOUND, false, "Unknown contact"),
        Arguments.of("media failed", CallDirection.OUT, CallState.ERROR, CallReason.MEDIA_ERROR, false, "Failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void outcome(String name, CallDirection dir, CallState state, CallReason reason, boolean answered, String expected) {
    assertEquals(expected, HistoryText.outcome(entry(dir, state, reason, answered)));
  }

  @ParameterizedTest(name = "{0} s")
  @CsvSource({"0, 0:00", "42, 0:42", "725, 12:05", "3723, 1:02:03", "36000, 10:00:00"})
  void duration(long seconds, String expected) {
    assertEquals(expected, HistoryText.duration(Duration.ofSeconds(seconds)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
      "2026-11-21T09:00:00Z, UTC, TODAY",
      "2026-11-20T23:30:00Z, UTC, YESTERDAY",
      "2026-11-20T23:30:00Z, Europe/Paris, TODAY",
      "2026-11-20T00:00:00Z, UTC, YESTERDAY",
      "2026-11-19T23:59:59Z, UTC, EARLIER",
      "2026-11-22T08:00:00Z, UTC, TODAY"})
  void groupUsesTheClockZone(String begin, String zone, HistoryText.Group expected) {
    CallRecordEntry e = new CallRecordEntry("id", "bob", CallDirection.IN, true, Instant.parse(begin), null,
        Duration.ZERO, CallState.MISSED, CallReason.TIMEOUT, "");
    assertEquals(expected, HistoryText.groupOf(e, LocalDate.of(2026, 11, 21), ZoneId.of(zone)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"true, Outgoing \u00b7 Voice call \u00b7 1:23", "false, No answer \u00b7 Voice call"})
  void detailLine(boolean answered, String expected) {
    CallState state = answered ? CallState.OK : CallState.CANCEL;
    CallReason reason = answered ? CallReason.TERM_BY_SELF : CallReason.TIMEOUT;
    assertEquals(expected, HistoryText.detail(entry(CallDirection.OUT, state, reason, answered)));
  }
}
