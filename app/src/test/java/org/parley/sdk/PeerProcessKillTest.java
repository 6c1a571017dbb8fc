package org.parley.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.sdk.call.CallConfig;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * Issue 6 with a real process boundary: the peer ({@link PeerProcessMain}) runs in a second JVM
 * and is killed with SIGKILL mid-call, so it sends no hang-up, no RTCP BYE and no WebSocket
 * close; the call must still end on our side with {@link CallReason#NETWORK} within 15 s.
 * Waits are generous deadlines; the time taken is printed, measured between the kill and the
 * removal callback on our SDK event thread.
 */
class PeerProcessKillTest {
  private static final long WAIT_MS = 30_000;

  private SignallingServer server;
  private URI uri;
  private Side alice;
  private Process peer;
  private final List<String> peerOutput = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server = new SignallingServer(ServerConfig.builder().bindAddress("127.0.0.1").port(0).open().build());
    server.start();
    uri = URI.create("ws://127.0.0.1:" + server.port() + SignallingServer.path());
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    try {
      if (peer != null) {
        peer.destroyForcibly();
        peer.waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      if (alice != null) {
        alice.close();
      }
      server.close();
    }
  }

  @Test
  void peerProcessKilledMidCallEndsTheCallWithNetwork() throws Exception {
    alice = new Side(uri, "alice", CallConfig.defaults());
    alice.login();
    startPeer("bob");
    awaitPeerLine("LOGGED_IN");

    CallItem out = alice.client.calls().call("bob", true, "kill-test");
    alice.showOther(out);
    alice.await("talking", e -> e.item() != null && e.item().id().equals(out.id())
        && e.item().state() == CallState.TALKING);
    awaitPeerLine("TALKING " + out.id());
    alice.awaitStampedVideo(out); // the peer's media really flows into our view
    alice.await("first remote frame", e -> e.kind().equals("first-frame") && e.text().equals("OTHER"));

    long killedAt = System.nanoTime();
    peer.destroyForcibly(); // SIGKILL: no hang-up, no BYE, no close frame from the peer's code
    assertTrue(peer.waitFor(10, TimeUnit.SECONDS), "the peer process died");
    Side.Event end = alice.await("remove", e -> e.kind().equals("remove") && e.item().id().equals(out.id()));
    long ms = (end.atNanos() - killedAt) / 1_000_000;
    System.out.println("peer process killed (SIGKILL): call ended with " + end.reason() + " after " + ms
        + " ms (" + end.text() + ")");
    assertEquals(CallReason.NETWORK, end.reason(), "reason; description " + end.text());
    assertEquals(CallState.ERROR, end.item().state());
    assertTrue(ms < 15_000, "ended within 15 s: " + ms + " ms");
    assertTrue(alice.client.calls().getCallItems().isEmpty(), "no live call left");
  }

  /** Starts {@link PeerProcessMain} in a new JVM on this test's classpath, draining its output. */
  private void startPeer(String user) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        PeerProcessMain.class.getName(), uri.toString(), user);
    pb.redirectErrorStream(true);
    peer = pb.start();
    Process p = peer;
    Thread drain = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (peerOutput) {
            peerOutput.add(line);
            peerOutput.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process died: nothing more to read
      }
    }, "peer-output-drain");
    drain.setDaemon(true);
    drain.start();
  }

  private void awaitPeerLine(String line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    synchronized (peerOutput) {
      while (!peerOutput.contains(line)) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !peer.isAlive() && !peerOutput.contains(line)) {
          throw new AssertionError("the peer printed no '" + line + "' within " + WAIT_MS + " ms (alive "
              + peer.isAlive() + "); its output: " + peerOutput);
        }
        peerOutput.wait(Math.min(left, 200));
      }
    }
  }
}
