package org.parley.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.parley.sdk.call.CallRequestException;
import org.parley.signalling.client.SignallingException;
import org.parley.signalling.protocol.ErrorCode;

/** The signalling client's failures as the call manager sees them. */
class SignallingClientAdapterTest {
  @Test
  void failuresKeepTheirCodes() {
    assertEquals("NOT_LOGGED_IN", SignallingClientAdapter.translate(
        new SignallingException(ErrorCode.NOT_LOGGED_IN, "log in first")).code());
    assertEquals("INVALID_USER", SignallingClientAdapter.translate(new CompletionException(
        new SignallingException(ErrorCode.INVALID_USER, "bad"))).code());
    assertEquals(CallRequestException.TIMEOUT, SignallingClientAdapter.translate(
        new SignallingException(SignallingException.Failure.TIMEOUT, "slow")).code());
    assertEquals(CallRequestException.DISCONNECTED, SignallingClientAdapter.translate(
        new SignallingException(SignallingException.Failure.DISCONNECTED, "gone")).code());
    assertEquals(CallRequestException.CLOSED, SignallingClientAdapter.translate(
        new SignallingException(SignallingException.Failure.CLOSED, "closed")).code());
    assertEquals(CallRequestException.CLOSED, SignallingClientAdapter.translate(
        new IllegalStateException("odd")).code());
  }
}
