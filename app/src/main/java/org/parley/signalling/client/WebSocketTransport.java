package org.parley.signalling.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * {@link Transport} on Java-WebSocket's {@link WebSocketClient}: two daemon threads (read and
 * write) per open connection, both ended when the connection closes. For {@code wss://} the
 * socket comes from the given {@link SSLContext} and the server's host name is checked against its
 * certificate (HTTPS endpoint identification, RFC 6125).
 */
public final class WebSocketTransport implements Transport {
  private static final System.Logger LOG = System.getLogger(WebSocketTransport.class.getName());
  private final int connectTimeoutMs;

  /** A transport whose TCP/TLS connect gives up after {@code connectTimeoutMs}. */
  public WebSocketTransport(int connectTimeoutMs) {
    this.connectTimeoutMs = connectTimeoutMs;
  }

  @Override
  public Connection open(URI uri, SSLContext ssl, Listener listener) {
    Client client = new Client(uri, connectTimeoutMs, listener);
    if ("wss".equalsIgnoreCase(uri.getScheme())) {
      try {
        SSLContext context = ssl != null ? ssl : SSLContext.getDefault();
        client.setSocketFactory(context.getSocketFactory());
      } catch (java.security.NoSuchAlgorithmException e) {
        listener.onClosed(1015, "no TLS: " + e.getMessage());
        return client;
      }
    }
    client.connect();
    return client;
  }

  private static final class Client extends WebSocketClient implements Connection {
    private final Listener listener;
    private final AtomicBoolean closedReported = new AtomicBoolean();

    Client(URI uri, int connectTimeoutMs, Listener listener) {
      super(uri, new org.java_websocket.drafts.Draft_6455(), null, connectTimeoutMs);
      this.listener = listener;
      setConnectionLostTimeout(0); // the signalling heartbeat does this job
      setTcpNoDelay(true);
      setDaemon(true);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      listener.onOpen();
    }

    @Override
    public void onMessage(String text) {
      listener.onText(text);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      LOG.log(System.Logger.Level.DEBUG, "binary frame ignored ({0} bytes)", bytes.remaining());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      if (closedReported.compareAndSet(false, true)) {
        listener.onClosed(code, reason);
      }
    }

    @Override
    public void onError(Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "websocket error: {0}", e.toString());
      // Java-WebSocket follows a fatal error with onClose; a failed connect may not, so report
      // here too (the flag keeps it to one report).
      if (!isOpen() && closedReported.compareAndSet(false, true)) {
        listener.onClosed(1006, String.valueOf(e.getMessage()));
      }
    }

    @Override
    public void send(String text) {
      if (isOpen()) {
        try {
          super.send(text);
        } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
          LOG.log(System.Logger.Level.DEBUG, "send on closed connection dropped");
        }
      }
    }
  }
}
