package org.parley.sdk.call;

import java.util.concurrent.CompletionStage;
import org.parley.signalling.protocol.Message;

/**
 * The signalling the {@link CallManager} needs: send a call message and learn how the server
 * answered. Production: {@link org.parley.sdk.SignallingClientAdapter} over the signalling
 * client; unit tests use a fake. Incoming messages and connection changes are pushed into the
 * manager ({@link CallManager#onSignallingMessage}, {@link CallManager#onConnectionStateChanged})
 * by whoever owns the connection.
 */
public interface CallSignalling {
  /**
   * Sends a request (the implementation sets its {@code id}). The stage completes, on any
   * thread, with the {@code ack}, or exceptionally with {@link CallRequestException} for an {@code
   * error} reply or a timeout.
   */
  CompletionStage<Message> request(Message message);

  /** Whether messages go out now (logged in). */
  boolean isLoggedIn();
}
