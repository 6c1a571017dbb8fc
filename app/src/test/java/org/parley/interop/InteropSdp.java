package org.parley.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** The GStreamer side's session descriptions (resources with an @PORT@ place holder) and free ports. */
final class InteropSdp {
  private InteropSdp() {}

  static String load(String name, int port) {
    try (InputStream in = InteropSdp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@PORT@", String.valueOf(port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UDP port the OS had free on the loopback interface a moment ago. */
  static int freeUdpPort() throws SocketException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
