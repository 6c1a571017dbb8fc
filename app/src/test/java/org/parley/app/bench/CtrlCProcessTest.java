package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Ctrl-C (SIGINT) on a real JVM: the figures so far are printed and the JVM exits. */
class CtrlCProcessTest {
  private static Thread drain(InputStream in, ByteArrayOutputStream into) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[4096];
              try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                  synchronized (into) {
                    into.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // the process has gone: nothing more to read
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String text(ByteArrayOutputStream bytes) {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void sigintPrintsThePartialResultAndExits() throws Exception {
    Assumptions.assumeTrue(
        Path.of("/bin/kill").toFile().canExecute() || Path.of("/usr/bin/kill").toFile()
            .canExecute(), "needs kill(1)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(java, "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), CtrlCMain.class.getName(),
                    "--seconds", "60"))
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread outReader = drain(process.getInputStream(), out);
    drain(process.getErrorStream(), err);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!text(err).contains("\rbench ") && System.nanoTime() < deadline) {
        Thread.sleep(50); // polling for the child's progress line, not for time to pass
      }
      assertTrue(text(err).contains("\rbench "), "no progress line: " + text(err));
      Process kill =
          new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the JVM did not exit after SIGINT");
      outReader.join(10_000);
      assertEquals(130, process.exitValue(), text(err));
      String table = text(out);
      assertTrue(table.contains("did not complete"), table);
      assertTrue(table.contains("Frames received / rendered"), table);
    } finally {
      process.destroyForcibly();
    }
  }
}
