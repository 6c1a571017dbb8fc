package org.parley.sdk.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** A {@link CallSignalling} that records requests; acks them at once unless told otherwise. */
final class FakeSignalling implements CallSignalling {
  record Sent(Message message, CompletableFuture<Message> reply) {}

  final List<Sent> sent = new ArrayList<>();
  boolean loggedIn = true;
  boolean autoAck = true;

  @Override
  public CompletionStage<Message> request(Message message) {
    CompletableFuture<Message> f = new CompletableFuture<>();
    sent.add(new Sent(message, f));
    if (autoAck) {
      f.complete(Message.builder(MessageType.ACK).build());
    }
    return f;
  }

  @Override
  public boolean isLoggedIn() {
    return loggedIn;
  }

  /** The messages sent of {@code type}, oldest first. */
  List<Message> sentOf(MessageType type) {
    return sent.stream().map(Sent::message).filter(m -> m.type() == type).toList();
  }

  /** The last message of {@code type}, or null. */
  Message last(MessageType type) {
    List<Message> l = sentOf(type);
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  /** Fails the last pending request of {@code type} with {@code code}. */
  void fail(MessageType type, String code) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      Sent s = sent.get(i);
      if (s.message().type() == type && !s.reply().isDone()) {
        s.reply().completeExceptionally(new CallRequestException(code, "refused"));
        return;
      }
    }
    throw new AssertionError("no pending " + type);
  }

  /** Acks the last pending request of {@code type}. */
  void ack(MessageType type) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      Sent s = sent.get(i);
      if (s.message().type() == type && !s.reply().isDone()) {
        s.reply().complete(Message.builder(MessageType.ACK).build());
        return;
      }
    }
    throw new AssertionError("no pending " + type);
  }
}
