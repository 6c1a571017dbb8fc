package org.parley.sdk.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the SDP bodies in {@code testdata/} next to the tests. */
final class SdpTestData {
  private SdpTestData() {}

  static String load(String name) {
    try (InputStream in = SdpTestData.class.getResourceAsStream("testdata/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource testdata/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines joined with CRLF, with a final CRLF. */
  static String sdp(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }
}
