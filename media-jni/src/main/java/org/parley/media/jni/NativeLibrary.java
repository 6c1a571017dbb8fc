package org.parley.media.jni;

import org.bytedeco.javacpp.Loader;

/**
 * Loads the native core and checks its API version.
 *
 * <p>JavaCPP loads the libraries named in {@link ParleyCore}'s {@code preload} list first, from
 * the copies the jar carries (OpenBLAS and OpenCV, whose own search paths point at bytedeco's
 * build machine, then libvpx and libopus), so that the dynamic linker satisfies the core's
 * dependencies by SONAME; then the core and its JNI library.
 *
 * <p>Safe to call from any thread and any number of times: the work runs once, inside {@link
 * ParleyCore}'s class initialisation.
 */
public final class NativeLibrary {
  private static volatile RuntimeException apiFailure;
  private static volatile UnsatisfiedLinkError linkFailure;

  private NativeLibrary() {}

  /**
   * Loads everything and checks the API version.
   *
   * @throws UnsatisfiedLinkError if a library cannot be loaded on this platform
   * @throws NativeApiMismatchException if the core and this binding disagree on the API version
   */
  public static void load() {
    try {
      ParleyCore.ensureLoaded();
    } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
      // The JVM reports a failed class initialiser with its cause only once; rethrow the
      // original, readable failure every time instead.
      if (linkFailure != null) {
        throw linkFailure;
      }
      if (apiFailure != null) {
        throw apiFailure;
      }
      throw e;
    }
  }

  /** Called from ParleyCore's static initialiser only. */
  static void loadNatives() {
    try {
      Loader.load(ParleyCore.class);
    } catch (UnsatisfiedLinkError e) {
      UnsatisfiedLinkError clear =
          new UnsatisfiedLinkError(
              "Parley's native media core could not be loaded on platform "
                  + Loader.getPlatform()
                  + ": "
                  + e.getMessage()
                  + ". This jar carries natives for the platform it was built on only.");
      clear.initCause(e);
      linkFailure = clear;
      throw clear;
    }
    try {
      ApiVersion.check(
          ApiVersion.EXPECTED, ParleyCore.headerApiVersion(), ParleyCore.apiVersion());
    } catch (NativeApiMismatchException e) {
      apiFailure = e;
      throw e;
    }
  }

  /** Versions of the core and its libraries, as the loaded libraries report them. */
  public static NativeVersions versions() {
    load();
    return new NativeVersions(
        ParleyCore.apiVersion(),
        ParleyCore.coreVersion(),
        ParleyCore.vpxVersion(),
        ParleyCore.opusVersion(),
        ParleyCore.opencvVersion(),
        ParleyCore.srtpVersion(),
        ParleyCore.portAudioVersion());
  }
}
