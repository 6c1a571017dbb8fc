package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short real run of the native bench in a child JVM ({@link RealBenchMain}): it must exit 0
 * and its table must show frames rendered. No figure is checked against a speed.
 */
class BenchRealRunTest {
  private static final Pattern RENDERED =
      Pattern.compile("Frames received / rendered\\s+(\\d+) / (\\d+)");

  @Test
  void shortOneWayRunRendersFrames(@TempDir Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), RealBenchMain.class.getName(),
                    "--size", "320x240", "--seconds", "2", "--one-way"))
            .directory(dir.toFile()) // a crash report, if any, lands in the temporary folder
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the bench did not end");
      String table = Files.readString(out, StandardCharsets.UTF_8);
      String errors = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), "stderr:\n" + errors + "\nstdout:\n" + table);
      Matcher m = RENDERED.matcher(table);
      assertTrue(m.find(), "no frames row in:\n" + table);
      assertTrue(Integer.parseInt(m.group(2)) > 0, "no frame rendered:\n" + table);
    } finally {
      process.destroyForcibly();
    }
  }
}
