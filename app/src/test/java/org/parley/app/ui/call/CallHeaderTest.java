package org.parley.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;

class CallHeaderTest {
  static Stream<Arguments> badges() {
    CallItem talking = Items.talking(Items.T0);
    return Stream.of(
        Arguments.of("nothing to say", talking, List.of()),
        Arguments.of("peer muted", talking.toBuilder().otherMicrophoneMuted(true).build(),
            List.of("Bob muted their microphone")),
        Arguments.of("peer camera off", talking.toBuilder().uploadVideoOther(false).build(),
            List.of("Bob turned their camera off")),
        Arguments.of("voice call: no camera badge", talking.toBuilder().video(false).uploadVideoOther(false).build(),
            List.of()),
        Arguments.of("all at once", talking.toBuilder().otherHeld(true).otherMicrophoneMuted(true)
            .uploadVideoOther(false).build(),
            List.of("Bob put the call on hold", "Bob muted their microphone", "Bob turned their camera off")),
        Arguments.of("not talking yet", Items.call(CallDirection.OUT, CallState.PENDING).build(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badges")
  void badgesInWords(String name, CallItem item, List<String> expected) {
    assertEquals(expected, CallHeader.badges("Bob", item));
  }

  static Stream<Arguments> ends() {
    return Stream.of(
        Arguments.of("we hung up", CallState.OK, CallReason.TERM_BY_SELF, true),
        Arguments.of("peer hung up after talking", CallState.OK, CallReason.TERM_BY_PEER, true),
        Arguments.of("we cancelled", CallState.CANCEL, CallReason.TERM_BY_SELF, true),
        Arguments.of("peer declined", CallState.CANCELED, CallReason.DECLINE, false),
        Arguments.of("peer busy", CallState.CANCELED, CallReason.BUSY, false),
        Arguments.of("no answer", CallState.CANCEL, CallReason.TIMEOUT, false),
        Arguments.of("network", CallState.ERROR, CallReason.NETWORK, false),
        Arguments.of("peer left before talking", CallState.CANCELED, CallReason.TERM_BY_PEER, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ends")
  void controllerExplainsOnlyUnusualEnds(String name, CallState state, CallReason reason, boolean ordinary) {
    CallItem item = Items.call(CallDirection.OUT, state).reason(reason).build();
    assertEquals(ordinary, CallController.isOrdinaryEnd(item, reason));
  }
}
