package org.parley.signalling.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.drafts.Draft;
import org.java_websocket.WebSocketServerFactory;

/**
 * Works around a cost in Java-WebSocket 1.6.0's selector loop (upstream issue #896, "High cpu
 * load"): the loop removes a key from the selector's selected-key set only after reading data
 * from it, never after writing. Every connection the server ever wrote to therefore stays in the
 * set, and every later wake-up of the selector (each message the core sends wakes it) visits
 * all of them again, calling write and {@code interestOps} on each: with 5000 clients the
 * selector thread spent a whole core on it and round trips grew to hundreds of milliseconds.
 *
 * <p>This factory wraps each plain socket in a {@link WrappedByteChannel} that asks the loop for
 * one "additional read" per pass. The library runs that after it has handled every selected key,
 * on the selector thread, and there the wrapper removes the handled keys from the set, as an NIO
 * loop should (epoll is level-triggered: anything still ready is selected again). The library's
 * write path has a race (a sender's OP_WRITE request can be overwritten by the selector's "done
 * writing" OP_READ), which the stale keys papered over by retrying every connection on every
 * pass; the purge therefore keeps keys with frames waiting and re-arms OP_WRITE for any
 * connection whose frames wait without it (a queue-size check per connection, on passes that
 * read). Reads and writes pass through unchanged.
 *
 * <p>EXPERIMENTAL, off by default (on with {@code -Dparley.signalling.keyPurge=true}). Versions
 * without the OP_WRITE re-arming lost a reply in about one loopback test run in ten (the
 * library's race, no longer hidden by the stale keys); with it, 30 loopback runs lost none,
 * but that is not yet proof. {@link WsEndpoint#rearmStalledWrites} is a once-per-sweep net.
 * Used for ws only; wss keeps the library's TLS channel.
 */
final class SelectedKeyPurge implements WebSocketServerFactory {
  private enum State { IDLE, ARMED, PURGED }

  /** Selector thread only. */
  private State state = State.IDLE;
  /** Connections read or written by the selector loop since the last purge (its thread only). */
  private final List<Channel> touched = new ArrayList<>();

  @Override
  public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
    return new WebSocketImpl(a, d);
  }

  @Override
  public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> d) {
    return new WebSocketImpl(a, d);
  }

  @Override
  public void close() {
    // Nothing to release.
  }

  @Override
  public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
    return new Channel(channel, key);
  }

  /** Whether {@code k} may leave the set: a connection's key selected for writing only. */
  private static boolean handled(SelectionKey k) {
    if (!k.isValid()) {
      return true;
    }
    return k.attachment() instanceof WebSocketImpl
        && (k.readyOps() & SelectionKey.OP_READ) == 0
        && !((WebSocketImpl) k.attachment()).hasBufferedData();
  }

  /** One connection's socket, plus the purge hook. */
  private final class Channel implements WrappedByteChannel {
    private final SocketChannel socket;
    private final SelectionKey key;
    private final Selector selector;
    private boolean listed;

    Channel(SocketChannel socket, SelectionKey key) {
      this.socket = socket;
      this.key = key;
      this.selector = key.selector();
    }

    /** Called by the selector loop's reads and writes (its thread only). */
    private void touch() {
      if (!listed) {
        listed = true;
        touched.add(this);
      }
    }

    @Override
    public boolean isNeedRead() {
      // Asked right after a read with data: the first connection of a pass arms the purge.
      switch (state) {
        case IDLE:
          state = State.ARMED;
          return true;
        case PURGED:
          state = State.IDLE;
          return false;
        default:
          return false;
      }
    }

    @Override
    public int readMore(ByteBuffer dst) {
      // Runs after the pass over the selected keys: every key in the set has been handled.
      selector.selectedKeys().removeIf(SelectedKeyPurge::handled);
      // The library's write race: a sender's OP_WRITE request can be overwritten by the
      // selector's "done writing" (OP_READ). Re-arm the connections the loop read or wrote
      // since the last purge that still have frames waiting.
      for (Channel c : touched) {
        c.listed = false;
        SelectionKey k = c.key;
        if (k.isValid() && k.attachment() instanceof WebSocketImpl
            && ((WebSocketImpl) k.attachment()).hasBufferedData()
            && (k.interestOps() & SelectionKey.OP_WRITE) == 0) {
          k.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
      }
      touched.clear();
      state = State.PURGED;
      return 0;
    }

    @Override
    public boolean isNeedWrite() {
      touch(); // the loop asks when it found nothing to write
      return false;
    }

    @Override
    public void writeMore() {
      // Nothing is buffered here.
    }

    @Override
    public boolean isBlocking() {
      return socket.isBlocking();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      touch();
      return socket.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      touch();
      return socket.write(src);
    }

    @Override
    public boolean isOpen() {
      return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
