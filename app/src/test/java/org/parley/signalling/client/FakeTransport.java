package org.parley.signalling.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.ProtocolException;

/** A {@link Transport} for tests: records every connection; the test plays the server. */
final class FakeTransport implements Transport {
  private static final MessageCodec CODEC = new MessageCodec();
  final List<FakeConnection> connections = new ArrayList<>();
  final List<Long> openTimes = new ArrayList<>();
  private final FakeScheduler scheduler;
  /** When set, every new connection fails at once (server down). */
  boolean refuse;

  FakeTransport(FakeScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Connection open(URI uri, SSLContext ssl, Listener listener) {
    FakeConnection c = new FakeConnection(listener);
    connections.add(c);
    openTimes.add(scheduler.now());
    if (refuse) {
      c.drop(1006, "connection refused");
    }
    return c;
  }

  FakeConnection last() {
    return connections.get(connections.size() - 1);
  }

  /** One fake connection; what the client sent is decoded into {@link #sent}. */
  static final class FakeConnection implements Connection {
    final Listener listener;
    final List<Message> sent = new ArrayList<>();
    boolean closedByClient;
    private boolean closed;

    FakeConnection(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void send(String text) {
      if (closed) {
        return;
      }
      try {
        sent.add(CODEC.decode(text));
      } catch (ProtocolException e) {
        throw new AssertionError("client sent an invalid message: " + text, e);
      }
    }

    @Override
    public void close() {
      closedByClient = true;
      drop(1000, "");
    }

    void open() {
      listener.onOpen();
    }

    void push(Message m) {
      listener.onText(CODEC.encode(m));
    }

    void drop(int code, String reason) {
      if (!closed) {
        closed = true;
        listener.onClosed(code, reason);
      }
    }

    boolean isClosed() {
      return closed;
    }

    Message lastSent() {
      return sent.get(sent.size() - 1);
    }
  }
}
