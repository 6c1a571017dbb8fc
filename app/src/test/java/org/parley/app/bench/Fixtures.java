package org.parley.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON fixtures in the test resources next to this package. */
final class Fixtures {
  /** A completed two-way run with audio, lossy network, and a four-sample timeline. */
  static final String TWO_WAY = "two-way-result.json";
  /** A cancelled one-way run without audio, nothing rendered yet (latencies -1). */
  static final String ONE_WAY_PARTIAL = "one-way-partial.json";
  /** A raw codec run. */
  static final String RAW = "raw-codec.json";

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
