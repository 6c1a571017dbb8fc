package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.stream.Stream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallState;

class CallTimerLabelTest {
  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of("outgoing init", Items.call(CallDirection.OUT, CallState.INIT).build(), "Calling…"),
        Arguments.of("outgoing ringing", Items.call(CallDirection.OUT, CallState.PENDING).build(), "Ringing…"),
        Arguments.of("incoming ringing", Items.call(CallDirection.IN, CallState.PENDING).build(), "Incoming call…"),
        Arguments.of("connecting", Items.call(CallDirection.IN, CallState.CONNECTING).build(), "Connecting…"),
        Arguments.of("talking, no begin yet", Items.call(CallDirection.OUT, CallState.TALKING).build(), "Connecting…"),
        Arguments.of("held", Items.talking(Items.T0).toBuilder().held(true).build(), "On hold"),
        Arguments.of("held by peer", Items.talking(Items.T0).toBuilder().otherHeld(true).build(),
            "On hold by the other side"),
        Arguments.of("ended", Items.call(CallDirection.OUT, CallState.OK).build(), "Call ended"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void stateInWords(String name, CallItem item, String expected) {
    assertEquals(expected, CallTimerLabel.text(item, Items.T0.plusSeconds(5)));
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "0:00"),
        Arguments.of(Duration.ofMillis(999), "0:00"),
        Arguments.of(Duration.ofSeconds(59), "0:59"),
        Arguments.of(Duration.ofSeconds(61), "1:01"),
        Arguments.of(Duration.ofMinutes(59).plusSeconds(59), "59:59"),
        Arguments.of(Duration.ofHours(1), "1:00:00"),
        Arguments.of(Duration.ofHours(12).plusMinutes(3).plusSeconds(4), "12:03:04"),
        Arguments.of(Duration.ofSeconds(-3), "0:00"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("durations")
  void durationText(Duration d, String expected) {
    assertEquals(expected, CallTimerLabel.duration(d));
  }

  @Test
  void labelFollowsTheClock() throws Exception {
    FakeClock clock = new FakeClock(Items.T0);
    String[] seen = new String[3];
    SwingUtilities.invokeAndWait(() -> {
      CallTimerLabel label = new CallTimerLabel(clock);
      label.setItem(Items.call(CallDirection.OUT, CallState.PENDING).build());
      seen[0] = label.getText();
      clock.advance(Duration.ofSeconds(10));
      label.setItem(Items.talking(clock.instant()));
      clock.advance(Duration.ofSeconds(75));
      label.refresh();
      seen[1] = label.getText();
      clock.advance(Duration.ofHours(1));
      label.refresh();
      seen[2] = label.getText();
    });
    assertEquals("Ringing…", seen[0]);
    assertEquals("1:15", seen[1]);
    assertEquals("1:01:15", seen[2]);
  }
}
