package org.parley.app.cli;

import java.io.PrintStream;
import org.parley.app.ParleyVersion;
import org.parley.media.jni.NativeLibrary;
import org.parley.media.jni.NativeVersions;

/**
 * {@code parley --version}: Parley's version and those of the native core, libvpx, libopus and
 * OpenCV, each as the loaded library reports it.
 */
public final class VersionCommand {
  private final PrintStream out;
  private final PrintStream err;

  public VersionCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Prints the versions; returns 0, or 1 when the native libraries cannot be loaded. */
  public int run() {
    out.println("Parley " + ParleyVersion.get());
    NativeVersions versions;
    try {
      versions = NativeLibrary.versions();
    } catch (UnsatisfiedLinkError | IllegalStateException e) {
      err.println("parley: " + e.getMessage());
      return 1;
    }
    out.printf("  native core  %s (API %d)%n", versions.core(), versions.apiVersion());
    out.printf("  libvpx       %s%n", versions.vpx());
    out.printf("  libopus      %s%n", versions.opus());
    out.printf("  OpenCV       %s%n", versions.opencv());
    out.printf("  libsrtp      %s%n", versions.srtp());
    out.printf("  PortAudio    %s%n", versions.portAudio());
    out.printf(
        "  Java         %s (%s)%n",
        System.getProperty("java.version"),
        System.getProperty("java.vendor"));
    return 0;
  }
}
