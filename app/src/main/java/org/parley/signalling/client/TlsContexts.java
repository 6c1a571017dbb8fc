package org.parley.signalling.client;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLContext} a client uses for {@code wss://} from a trust store file (PKCS12
 * or JKS, detected from the file's content), so a client can trust a server's self-signed
 * certificate without touching the JVM's default trust store.
 */
public final class TlsContexts {
  private TlsContexts() {}

  /**
   * A TLS context trusting exactly the certificates in {@code trustStore}.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read, the password is
   *     wrong or the format is unknown
   */
  public static SSLContext trusting(Path trustStore, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance(trustStore.toFile(), password);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use trust store " + trustStore + ": " + e.getMessage(), e);
    }
  }
}
