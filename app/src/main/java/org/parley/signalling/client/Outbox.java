package org.parley.signalling.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/**
 * What a {@link SignallingClient} has to send and to wait for: a bounded queue of messages held
 * while not logged in, and the requests on the wire matched to their replies by id. Used on the
 * client's thread only.
 */
final class Outbox {
  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  /** One message to send; with a future when it is a request. */
  static final class Outgoing {
    final Message message;
    final CompletableFuture<Message> future;
    Scheduler.Cancellable timeout;

    Outgoing(Message message, CompletableFuture<Message> future) {
      this.message = message;
      this.future = future;
    }
  }

  private final int queueLimit;
  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
  private final Map<String, Outgoing> sent = new LinkedHashMap<>();

  Outbox(int queueLimit) {
    this.queueLimit = queueLimit;
  }

  /** Holds {@code out} until login; false (nothing held) when the queue is full. */
  boolean hold(Outgoing out) {
    if (queue.size() >= queueLimit) {
      return false;
    }
    queue.add(out);
    return true;
  }

  /** The next held message, or null. */
  Outgoing nextHeld() {
    return queue.poll();
  }

  /** Remembers a request that went out, to match its reply. */
  void sent(Outgoing out) {
    if (out.future != null) {
      sent.put(out.message.id(), out);
    }
  }

  /**
   * Completes the request {@code reply} answers (an {@code error} fails it with the server's
   * code); false when it answers none of ours.
   */
  boolean complete(Message reply) {
    Outgoing out = reply.re() == null ? null : sent.remove(reply.re());
    if (out == null) {
      return false;
    }
    cancel(out);
    if (reply.type() == MessageType.ERROR) {
      out.future.completeExceptionally(serverError(reply));
    } else {
      out.future.complete(reply);
    }
    return true;
  }

  /** The request {@code out} got no reply in time: fails it wherever it is. */
  void timedOut(Outgoing out, SignallingException e) {
    if (sent.remove(out.message.id()) != null || queue.remove(out)) {
      out.future.completeExceptionally(e);
    }
  }

  /** The connection dropped: requests on the wire fail (their outcome is unknown). */
  void failSent(SignallingException.Failure failure, String why) {
    List<Outgoing> all = new ArrayList<>(sent.values());
    sent.clear();
    for (Outgoing o : all) {
      fail(o, failure, why);
    }
  }

  /** The client stopped: everything fails. */
  void failAll(SignallingException.Failure failure, String why) {
    failSent(failure, why);
    Outgoing o;
    while ((o = queue.poll()) != null) {
      fail(o, failure, why);
    }
  }

  /** Fails one message (a plain send is logged as dropped). */
  static void fail(Outgoing out, SignallingException.Failure failure, String why) {
    cancel(out);
    if (out.future != null) {
      out.future.completeExceptionally(new SignallingException(failure, why));
    } else {
      LOG.log(System.Logger.Level.WARNING, "{0} not sent: {1}", out.message.type().wireName(),
          why);
    }
  }

  private static void cancel(Outgoing out) {
    if (out.timeout != null) {
      out.timeout.cancel();
    }
  }

  private static SignallingException serverError(Message error) {
    String code = error.string("code");
    String text = error.string("message");
    return ErrorCode.fromWire(code)
        .map(c -> new SignallingException(c, text))
        .orElseGet(() -> new SignallingException((ErrorCode) null, code + ": " + text));
  }
}
