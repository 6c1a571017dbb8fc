package org.parley.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path defaultSecret, CountDownLatch stop, List<String> args) {
    return ServerCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), defaultSecret, stop, false);
  }

  @Test
  void badUsageIsExitCodeTwo(@TempDir Path dir) {
    List<List<String>> cases = List.of(
        List.of("--port"),
        List.of("--port", "70000"),
        List.of("--port", "http"),
        List.of("--open", "--secret-file", "x"),
        List.of("--keystore", "k.p12"),
        List.of("--keystore", dir.resolve("missing.p12").toString(),
            "--keystore-password", "pw"),
        List.of("--max-clients", "0"),
        List.of("--rate", "-3"),
        List.of("--verbose"));
    for (List<String> c : cases) {
      err.reset();
      assertEquals(2, run(dir.resolve("s"), new CountDownLatch(0), c), c.toString());
      String text = err.toString(StandardCharsets.UTF_8);
      assertTrue(text.startsWith("parley server: ") && text.contains("Usage: parley server"),
          text);
    }
    assertTrue(!Files.exists(dir.resolve("s")), "no secret made for a bad command line");
  }

  @Test
  void helpPrintsTheOptions(@TempDir Path dir) {
    assertEquals(0, run(dir.resolve("s"), new CountDownLatch(0), List.of("--help")));
    String text = out.toString(StandardCharsets.UTF_8);
    for (String option : List.of("--port", "--bind", "--keystore", "--secret-file", "--open",
        "--max-clients", "--rate")) {
      assertTrue(text.contains(option), option);
    }
  }

  @Test
  void runsUntilStoppedAndMakesASecret(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve(".parley").resolve("server-secret");
    CountDownLatch stop = new CountDownLatch(1);
    AtomicInteger code = new AtomicInteger(-1);
    Thread t = new Thread(() -> code.set(run(secret, stop,
        List.of("--bind", "127.0.0.1", "--port", "0"))));
    t.start();
    int port = awaitPort();
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("made a new secret in " + secret), text);
    assertTrue(text.contains("parley token --user NAME"), text);
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));

    // A real client reaches it and gets a well-formed answer.
    List<String> received = new ArrayList<>();
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/signalling"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                received.add(data.toString());
                reply.complete(data.toString());
                w.request(1);
                return null;
              }
            }).get(20, TimeUnit.SECONDS);
    ws.sendText("{\"v\":1,\"type\":\"ping\",\"id\":\"p1\"}", true);
    assertEquals("{\"v\":1,\"type\":\"pong\",\"re\":\"p1\"}", reply.get(20, TimeUnit.SECONDS));
    ws.abort();

    stop.countDown();
    t.join(20_000);
    assertEquals(0, code.get());
  }

  @Test
  void openModeSaysSo(@TempDir Path dir) throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    Thread t = new Thread(() -> run(dir.resolve("s"), stop,
        List.of("--open", "--bind", "127.0.0.1", "--port", "0", "--rate", "10")));
    t.start();
    awaitPort();
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("open mode"));
    assertTrue(!Files.exists(dir.resolve("s")), "open mode makes no secret");
    stop.countDown();
    t.join(20_000);
  }

  @Test
  void portInUseIsExitCodeOne(@TempDir Path dir) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      int code = run(dir.resolve("s"), new CountDownLatch(0), List.of("--open", "--bind",
          "127.0.0.1", "--port", String.valueOf(taken.getLocalPort())));
      assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void wildcardBindListsLoopbackLast() {
    List<String> hosts = ServerCommand.hosts("0.0.0.0");
    assertTrue(hosts.contains("127.0.0.1"), hosts.toString());
    assertEquals(List.of("10.1.2.3"), ServerCommand.hosts("10.1.2.3"));
  }

  private int awaitPort() throws InterruptedException {
    Pattern p = Pattern.compile("ws://127\\.0\\.0\\.1:(\\d+)/signalling");
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      Matcher m = p.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no address printed: " + out.toString(StandardCharsets.UTF_8)
        + err.toString(StandardCharsets.UTF_8));
  }
}
