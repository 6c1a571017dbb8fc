package org.parley.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Parley's own version, written into {@code parley.properties} by the build. */
public final class ParleyVersion {
  private static final String RESOURCE = "parley.properties";

  private ParleyVersion() {}

  /** The version of this build, e.g. {@code 0.1.0}. */
  public static String get() {
    try (InputStream in = ParleyVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
