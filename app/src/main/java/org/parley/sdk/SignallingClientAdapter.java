package org.parley.sdk;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.sdk.call.CallRequestException;
import org.parley.sdk.call.CallSignalling;
import org.parley.signalling.client.SignallingClient;
import org.parley.signalling.client.SignallingException;
import org.parley.signalling.protocol.Message;

/**
 * {@link CallSignalling} over the real {@link SignallingClient}: requests go out through it, and
 * its failures become {@link CallRequestException}s whose code is the server's error code, or
 * TIMEOUT / DISCONNECTED / CLOSED for the client's own.
 */
public final class SignallingClientAdapter implements CallSignalling {
  private final SignallingClient client;

  public SignallingClientAdapter(SignallingClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public CompletionStage<Message> request(Message message) {
    CompletableFuture<Message> result = new CompletableFuture<>();
    client.request(message).whenComplete((reply, error) -> {
      if (error == null) {
        result.complete(reply);
      } else {
        result.completeExceptionally(translate(error));
      }
    });
    return result;
  }

  @Override
  public boolean isLoggedIn() {
    return client.state().isLoggedIn();
  }

  /** The SDK's form of a signalling client failure. */
  static CallRequestException translate(Throwable error) {
    Throwable cause = error;
    while (!(cause instanceof SignallingException) && cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (!(cause instanceof SignallingException e)) {
      return new CallRequestException(CallRequestException.CLOSED, String.valueOf(error.getMessage()));
    }
    String code = switch (e.failure()) {
      case SERVER_ERROR -> e.code() != null ? e.code().wireName() : "INTERNAL";
      case TIMEOUT -> CallRequestException.TIMEOUT;
      case DISCONNECTED -> CallRequestException.DISCONNECTED;
      case CLOSED -> CallRequestException.CLOSED;
    };
    return new CallRequestException(code, String.valueOf(e.getMessage()));
  }
}
