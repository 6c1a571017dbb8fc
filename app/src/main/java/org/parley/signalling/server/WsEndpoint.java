package org.parley.signalling.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.parley.signalling.protocol.Protocol;

/**
 * The Java-WebSocket adapter (RFC 6455): accepts connections on {@code /signalling} (or
 * {@code /}), limits frames to {@link Protocol#MAX_FRAME_BYTES} (larger ones close with 1009),
 * and hands every event to the core on its single executor thread, so the core needs no
 * locks and no library lock is held while the core runs. A connection with more than
 * {@link #MAX_PENDING} frames waiting for the core is closed with 1008.
 */
final class WsEndpoint extends WebSocketServer {
  private static final System.Logger LOG = System.getLogger(WsEndpoint.class.getName());
  static final int MAX_PENDING = 1024;

  private final SignallingCore core;
  private final Executor coreThread;
  final CountDownLatch started = new CountDownLatch(1);
  final AtomicReference<Exception> startFailure = new AtomicReference<>();

  WsEndpoint(InetSocketAddress address, SignallingCore core, Executor coreThread) {
    super(address, List.<Draft>of(new Draft_6455(List.of(), Protocol.MAX_FRAME_BYTES)));
    this.core = core;
    this.coreThread = coreThread;
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
      ClientHandshake request) throws InvalidDataException {
    String path = request.getResourceDescriptor();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (!path.equals(Protocol.PATH) && !path.equals("/")) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no endpoint at " + path);
    }
    return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    Link link = new Link(conn);
    conn.setAttachment(link);
    run(() -> link.connection = core.opened(link));
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    Link link = conn.getAttachment();
    if (link == null) {
      return;
    }
    if (link.pending.incrementAndGet() > MAX_PENDING) {
      link.pending.decrementAndGet();
      conn.close(Protocol.CLOSE_POLICY, "too many messages waiting");
      return;
    }
    run(() -> {
      link.pending.decrementAndGet();
      core.text(link.connection, message);
    });
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    Link link = conn.getAttachment();
    if (link != null) {
      run(() -> core.binary(link.connection));
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    Link link = conn.getAttachment();
    if (link != null) {
      run(() -> core.closed(link.connection));
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null) {
      // A server-level failure (e.g. the port is taken) before or after start.
      startFailure.compareAndSet(null, ex);
      started.countDown();
      LOG.log(System.Logger.Level.ERROR, "signalling server failed", ex);
    } else {
      LOG.log(System.Logger.Level.DEBUG, "connection error on " + conn.getRemoteSocketAddress(),
          ex);
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  /**
   * A safety net for Java-WebSocket's write race (see {@link SelectedKeyPurge}): re-arms
   * OP_WRITE on every open connection that has frames waiting without it, and wakes the
   * selector. {@code SelectionKey.interestOps} may be called from any thread. Returns how many
   * connections needed it.
   */
  int rearmStalledWrites() {
    int n = 0;
    for (WebSocket ws : getConnections()) {
      if (ws instanceof org.java_websocket.WebSocketImpl) {
        org.java_websocket.WebSocketImpl impl = (org.java_websocket.WebSocketImpl) ws;
        java.nio.channels.SelectionKey key = impl.getSelectionKey();
        try {
          if (key != null && key.isValid() && impl.hasBufferedData()
              && (key.interestOps() & java.nio.channels.SelectionKey.OP_WRITE) == 0) {
            key.interestOps(java.nio.channels.SelectionKey.OP_READ
                | java.nio.channels.SelectionKey.OP_WRITE);
            key.selector().wakeup();
            n++;
          }
        } catch (java.nio.channels.CancelledKeyException closing) {
          // closed meanwhile
        }
      }
    }
    return n;
  }

  private void run(Runnable task) {
    try {
      coreThread.execute(task);
    } catch (RejectedExecutionException stopping) {
      // The server is shutting down; the event no longer matters.
    }
  }

  /** One WebSocket as a {@link ClientLink}. */
  private static final class Link implements ClientLink {
    private final WebSocket conn;
    private final String description;
    final AtomicInteger pending = new AtomicInteger();
    Connection connection; // core thread only

    Link(WebSocket conn) {
      this.conn = conn;
      this.description = String.valueOf(conn.getRemoteSocketAddress());
    }

    @Override
    public boolean send(String text) {
      if (!conn.isOpen()) {
        return false;
      }
      try {
        conn.send(text);
        return true;
      } catch (WebsocketNotConnectedException closed) {
        // The peer is gone and its close event is on the way.
        return false;
      }
    }

    @Override
    public void close(int status, String reason) {
      conn.close(status, reason);
    }

    @Override
    public String describe() {
      return description;
    }
  }
}
