package org.parley.sdk;

import java.net.URI;
import javax.net.ssl.SSLContext;
import org.parley.signalling.client.Transport;
import org.parley.signalling.client.WebSocketTransport;

/**
 * The real WebSocket transport, with a switch that "kills" the client: the open connection is
 * dropped without a logout and every later connection attempt fails, as if the machine vanished.
 */
final class KillableTransport implements Transport {
  private final WebSocketTransport real = new WebSocketTransport(5_000);
  private volatile boolean killed;
  private volatile Connection current;

  @Override
  public Connection open(URI uri, SSLContext ssl, Listener listener) {
    if (killed) {
      Thread t = new Thread(() -> listener.onClosed(1006, "killed"), "killed-transport");
      t.setDaemon(true);
      t.start();
      return new Connection() {
        @Override
        public void send(String text) {}

        @Override
        public void close() {}
      };
    }
    Connection c = real.open(uri, ssl, listener);
    current = c;
    return c;
  }

  /** Drops the open connection once; the client reconnects (and resumes its session). */
  void drop() {
    Connection c = current;
    if (c != null) {
      c.close();
    }
  }

  void kill() {
    killed = true;
    Connection c = current;
    if (c != null) {
      c.close();
    }
  }
}
