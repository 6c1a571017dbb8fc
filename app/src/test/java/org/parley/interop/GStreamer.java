package org.parley.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code gst-launch-1.0} process for interop tests: its output is collected line by line, it
 * is always killed on {@link #close()}, and {@link #requireElements} skips a test (or fails it
 * when the environment variable CI is "true") on machines without GStreamer.
 */
final class GStreamer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GStreamer.class.getName());
  private static final int MAX_LINES = 200_000;

  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;

  private GStreamer(List<String> command) throws IOException {
    LOG.log(System.Logger.Level.INFO, "starting {0}", String.join(" ", command));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    reader = new Thread(this::read, "gst-launch output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Runs {@code gst-launch-1.0 -v <pipeline>}; the pipeline's words are separate arguments. */
  static GStreamer launch(List<String> pipeline) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("gst-launch-1.0");
    command.add("-v");
    command.addAll(pipeline);
    return new GStreamer(command);
  }

  /** Skips the test unless gst-launch-1.0 and these elements exist; on CI, fails instead. */
  static void requireElements(String... elements) {
    List<String> missing = new ArrayList<>();
    if (!onPath("gst-launch-1.0") || !onPath("gst-inspect-1.0")) {
      missing.add("gst-launch-1.0/gst-inspect-1.0");
    } else {
      for (String element : elements) {
        if (!inspects(element)) {
          missing.add(element);
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "GStreamer interop needs " + missing + " (Debian: gstreamer1.0-tools, "
        + "gstreamer1.0-plugins-base, gstreamer1.0-plugins-good)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.assumeTrue(false, message);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, program).canExecute()) {
        return true;
      }
    }
    return false;
  }

  private static boolean inspects(String element) {
    Process p = null;
    try {
      p = new ProcessBuilder("gst-inspect-1.0", "--exists", element)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (p != null) {
        p.destroyForcibly();
      }
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (lines.size() < MAX_LINES) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "gst-launch output closed", e);
    }
  }

  /** How many output lines so far match. */
  long count(Predicate<String> match) {
    synchronized (lines) {
      return lines.stream().filter(match).count();
    }
  }

  /** The first output line that matches, or null. */
  String first(Predicate<String> match) {
    synchronized (lines) {
      return lines.stream().filter(match).findFirst().orElse(null);
    }
  }

  /**
   * Polls until {@code done} holds (true), the process ends or the deadline passes (false).
   */
  boolean await(java.util.function.BooleanSupplier done, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (done.getAsBoolean()) {
        return true;
      }
      if (!process.isAlive()) {
        return done.getAsBoolean();
      }
      Thread.sleep(100);
    }
    return done.getAsBoolean();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of output, for failure messages. */
  String tail(int n) {
    synchronized (lines) {
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      reader.join(2000);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
