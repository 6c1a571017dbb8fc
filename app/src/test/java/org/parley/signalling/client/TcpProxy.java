package org.parley.signalling.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay for tests: clients connect to {@link #port()}, bytes go both ways to the
 * target; {@link #cutAll()} drops every relayed connection at once (a network outage) and
 * {@link #freezeAll()} silently swallows their bytes from then on (a dead path that never
 * closes), while the relay keeps serving new connections normally.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<java.util.concurrent.atomic.AtomicBoolean> frozen =
      new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile boolean closed;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "test-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Closes every relayed connection (both sides see a reset or EOF). */
  void cutAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // already gone
      }
    }
    sockets.clear();
  }

  /** From now on the open connections drop every byte in both directions, without closing. */
  void freezeAll() {
    for (java.util.concurrent.atomic.AtomicBoolean f : frozen) {
      f.set(true);
    }
    frozen.clear();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket in = listener.accept();
        Socket out = new Socket();
        out.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
        sockets.add(in);
        sockets.add(out);
        java.util.concurrent.atomic.AtomicBoolean freeze =
            new java.util.concurrent.atomic.AtomicBoolean();
        frozen.add(freeze);
        pump(in, out, freeze);
        pump(out, in, freeze);
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, java.util.concurrent.atomic.AtomicBoolean freeze) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (freeze.get()) {
            continue;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other direction or cutAll closed it
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException e) {
          // nothing left to do
        }
      }
    }, "test-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    cutAll();
  }
}
