package org.parley.sdk.call;

import java.util.concurrent.CompletionException;
import org.parley.sdk.event.SdkScheduler;
import org.parley.signalling.protocol.Message;

/**
 * Sends the {@link CallManager}'s call messages through {@link CallSignalling}: either quietly
 * (a failure is only logged: end messages, ringing, in-call messages, media updates) or as a
 * request whose answer matters (invite, accept), where the server's refusal is turned into the
 * {@link CallEvent} that ends the call. Answers come back on the SDK event thread and are
 * dropped when the call has ended meanwhile.
 */
final class CallOutbox {
  private static final System.Logger LOG = System.getLogger(CallOutbox.class.getName());

  /** Told, on the event thread, that a request for a live call was refused or failed. */
  interface Refusal {
    void onRefused(CallRecord c, CallEvent event, String description);
  }

  private final CallSignalling signalling;
  private final SdkScheduler scheduler;
  private final CallBook book;

  CallOutbox(CallSignalling signalling, SdkScheduler scheduler, CallBook book) {
    this.signalling = signalling;
    this.scheduler = scheduler;
    this.book = book;
  }

  /** Whether messages go out now (logged in). */
  boolean isLoggedIn() {
    return signalling.isLoggedIn();
  }

  /**
   * Sends a request for call {@code callId}; on the event thread, if the call still lives, runs
   * {@code onAck} (may be null) after the ack or tells {@code refusal} what the error means.
   */
  void request(String callId, Message m, Runnable onAck, Refusal refusal) {
    signalling.request(m).whenComplete((reply, error) -> scheduler.execute(() -> {
      CallRecord c = book.get(callId);
      if (c == null) {
        return;
      }
      if (error == null) {
        if (onAck != null) {
          onAck.run();
        }
        return;
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      String code = cause instanceof CallRequestException e ? e.code() : "INTERNAL";
      refusal.onRefused(c, eventForError(code), String.valueOf(cause.getMessage()));
    }));
  }

  /** What a refused call request means for the call. */
  static CallEvent eventForError(String code) {
    return switch (code) {
      case "NOT_LOGGED_IN" -> CallEvent.REQUEST_NOT_LOGGED_IN;
      case "INVALID_USER", "UNKNOWN_CALL", "NOT_IN_CALL" -> CallEvent.REQUEST_NOT_FOUND;
      case CallRequestException.TIMEOUT, CallRequestException.DISCONNECTED, CallRequestException.CLOSED ->
          CallEvent.SIGNALLING_LOST;
      default -> CallEvent.REQUEST_FAILED;
    };
  }

  /** Sends a message whose answer does not matter; a failure is logged. */
  void sendQuietly(Message m) {
    signalling.request(m).whenComplete((reply, error) -> {
      if (error != null) {
        LOG.log(System.Logger.Level.DEBUG, "call message " + m.type() + " failed: " + error.getMessage());
      }
    });
  }
}
