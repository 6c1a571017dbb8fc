package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** wss with a self-signed PKCS12 keystore made by keytool, and a client that trusts it. */
class TlsLoopbackTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  static Path makeKeystore(Path dir) throws Exception {
    Path file = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "parley",
        "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool finished");
    assertEquals(0, p.exitValue(), output);
    return file;
  }

  static SSLContext trusting(Path keystore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Test
  void wssLoginAndPing(@TempDir Path dir) throws Exception {
    Path keystore = makeKeystore(dir);
    try (ServerFixture f = new ServerFixture(b -> b.keystore(keystore, PASSWORD))) {
      assertTrue(f.server.isSecure());
      TestClient c = new TestClient(URI.create("wss://127.0.0.1:" + f.server.port()
          + "/signalling"));
      c.setSocketFactory(trusting(keystore).getSocketFactory());
      try {
        c.open();
        Message ok = c.login("alice", f.token("alice"));
        assertEquals("alice", ok.string("user"));
        c.awaitReply(c.request(Message.builder(MessageType.PING)), MessageType.PONG);
        assertTrue(c.getSSLSession().getProtocol().startsWith("TLS"));
      } finally {
        c.closeBlocking();
      }
    }
  }
}
