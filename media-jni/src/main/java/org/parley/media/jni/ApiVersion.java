package org.parley.media.jni;

/**
 * The facade contract version on the Java side, and the check that the loaded native core
 * speaks the same one. {@link #EXPECTED} must equal {@code PARLEY_API_VERSION} in {@code
 * native/include/parley/parley.h}.
 */
public final class ApiVersion {
  /** The facade version this binding was written for. */
  public static final int EXPECTED = 5;

  private ApiVersion() {}

  /**
   * Checks the three places the API version lives: this class, the header the JNI library was
   * compiled with, and the core library that was actually loaded.
   *
   * @throws NativeApiMismatchException naming which side differs and what to do about it
   */
  public static void check(int expected, int jniHeader, int coreLibrary) {
    if (jniHeader != expected) {
      throw new NativeApiMismatchException(
          "Parley's JNI library was compiled against native API version "
              + jniHeader
              + " but this Java binding expects version "
              + expected
              + ": the jar mixes classes and natives from different builds; rebuild it with"
              + " one 'mvn package'.");
    }
    if (coreLibrary != expected) {
      throw new NativeApiMismatchException(
          "Parley's native core library has API version "
              + coreLibrary
              + " but this Java binding expects version "
              + expected
              + ": a stale libparley_core was loaded (check java.library.path and the JavaCPP"
              + " cache, ~/.javacpp/cache) or the jar mixes builds; rebuild it with one 'mvn"
              + " package'.");
    }
  }
}
