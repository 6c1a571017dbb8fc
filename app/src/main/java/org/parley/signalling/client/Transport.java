package org.parley.signalling.client;

import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * Opens WebSocket connections for a {@link SignallingClient}. Production: {@link
 * WebSocketTransport} (Java-WebSocket); tests substitute a fake to drive the state machine.
 *
 * <p>Events of a connection come on any thread; the client hands them to its own scheduler. After
 * {@link Listener#onClosed} no further event of that connection arrives.
 */
public interface Transport {
  /**
   * Starts opening a connection (asynchronously); progress comes through {@code listener}.
   *
   * @param ssl the TLS context for {@code wss://}, or null for the JVM default
   */
  Connection open(URI uri, SSLContext ssl, Listener listener);

  /** One WebSocket connection. */
  interface Connection {
    /** Sends one text frame; silently dropped when the connection is not open. */
    void send(String text);

    /** Starts closing (status 1000); {@link Listener#onClosed} follows. */
    void close();
  }

  /** Events of one connection. */
  interface Listener {
    void onOpen();

    void onText(String text);

    /** The connection closed, failed to open or failed later; {@code code} per RFC 6455 7.4. */
    void onClosed(int code, String reason);
  }
}
