package org.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void unknownCommandIsABadCommandLine() {
    assertEquals(2, run("dance"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("unknown command 'dance'"), message);
    assertTrue(message.contains("Usage:"), message);
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--version"));
  }

  @Test
  void versionPrintsEveryNativeLibrary() {
    assertEquals(0, run("--version"));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("Parley " + ParleyVersion.get()), text);
    for (String library : List.of("native core", "libvpx", "libopus", "OpenCV", "libsrtp", "PortAudio")) {
      assertTrue(text.contains(library), library + " missing from:\n" + text);
    }
  }
}
