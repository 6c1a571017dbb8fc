package org.parley.signalling.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a self-signed server keystore and a matching client trust store (both PKCS12) with the
 * JDK's keytool, for wss tests. The certificate names {@code localhost} and {@code 127.0.0.1}.
 */
final class TestCertificates {
  static final char[] PASSWORD = "changeit".toCharArray();
  final Path keystore;
  final Path truststore;

  private TestCertificates(Path keystore, Path truststore) {
    this.keystore = keystore;
    this.truststore = truststore;
  }

  static TestCertificates create(Path dir) throws IOException, InterruptedException {
    Path ks = dir.resolve("server.p12");
    Path cert = dir.resolve("server.crt");
    Path ts = dir.resolve("trust.p12");
    String pw = new String(PASSWORD);
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", pw, "-keypass", pw);
    keytool("-exportcert", "-alias", "server", "-keystore", ks.toString(), "-storepass", pw,
        "-rfc", "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
        "-storetype", "PKCS12", "-keystore", ts.toString(), "-storepass", pw);
    return new TestCertificates(ks, ts);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }
}
