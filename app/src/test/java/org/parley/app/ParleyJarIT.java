package org.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code parley.jar} as a user runs it: a separate JVM, natives extracted from the
 * jar into a fresh JavaCPP cache.
 */
class ParleyJarIT {
  private static final Pattern VERSIONS =
      Pattern.compile(
          "(?s)Parley \\S+\\n"
              + "  native core  \\S+ \\(API \\d+\\)\\n"
              + "  libvpx       v\\d+\\.\\d+\\.\\d+\\S*\\n"
              + "  libopus      libopus \\d+\\.\\d+\\S*\\n"
              + "  OpenCV       4\\.\\d+\\.\\d+\\S*\\n"
              // "init failed" would show that libsrtp's crypto backend (NSS) did not load.
              + "  libsrtp      libsrtp2 \\d+\\.\\d+\\.\\d+\\n"
              + "  PortAudio    PortAudio V\\d+[^\\n]*\\n.*");

  @TempDir Path cache;

  @Test
  void versionReportsTheLoadedNativeLibraries() throws Exception {
    Result result = runJar(List.of());
    assertEquals(0, result.status, result.output);
    assertTrue(VERSIONS.matcher(result.output).matches(), result.output);
  }

  /**
   * The jar must run where libvpx, libopus, libsrtp2 (with the NSS libraries it was built
   * against) and PortAudio are not installed. In a private mount namespace (root only), the
   * system's copies are replaced by empty files, so any attempt to load them fails; the jar must
   * still load the libraries it carries, and libsrtp's self-tests must pass through the NSS
   * it carries.
   */
  @Test
  void runsWithTheSystemCodecLibrariesHidden() throws Exception {
    List<Path> systemLibraries = new ArrayList<>();
    for (String name :
        List.of(
            "libvpx.so.7", "libopus.so.0", "libsrtp2.so.1", "libnss3.so", "libnssutil3.so",
            "libsoftokn3.so", "libfreeblpriv3.so", "libnspr4.so", "libplc4.so", "libplds4.so",
            "libportaudio.so.2", "libjack.so.0")) {
      for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu")) {
        Path path = Paths.get(dir, name);
        if (Files.exists(path)) {
          systemLibraries.add(path.toRealPath());
        }
      }
    }
    assumeTrue(!systemLibraries.isEmpty(), "system libvpx/libopus are not installed here anyway");
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root for unshare --mount");
    assumeTrue(Files.isExecutable(Paths.get("/usr/bin/unshare")), "needs util-linux unshare");

    StringBuilder hide = new StringBuilder();
    for (Path library : systemLibraries) {
      hide.append("mount --bind /dev/null '").append(library).append("' && ");
    }
    // Prove the hiding works before trusting a passing run: the system copy must be unloadable.
    String probe = "test ! -s '" + systemLibraries.get(0) + "' && ";
    Result result = runJar(List.of("unshare", "--mount", "sh", "-c", hide + probe + "exec \"$@\"", "sh"));
    assertEquals(0, result.status, result.output);
    assertTrue(VERSIONS.matcher(result.output).matches(), result.output);
  }

  private Result runJar(List<String> prefix) throws IOException, InterruptedException {
    String jar = System.getProperty("parley.jar");
    assertTrue(jar != null && Files.isRegularFile(Paths.get(jar)), "parley.jar built: " + jar);
    List<String> command = new ArrayList<>(prefix);
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
    command.add("-jar");
    command.add(jar);
    command.add("--version");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(finished ? process.exitValue() : -1, output);
  }

  private record Result(int status, String output) {}
}
