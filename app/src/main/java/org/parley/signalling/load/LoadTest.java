package org.parley.signalling.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The signalling load test: logs in many clients over real WebSockets (against a server URL, or
 * a server started in this process), then starts call setups ({@code invite → ringing → accept →
 * hangup}, all over the wire) at a fixed rate for a while, keeps every client's heartbeat going,
 * and reports counts, round-trip percentiles, CPU, heap and errors by code.
 *
 * <p>Connections use {@link java.net.http.HttpClient}'s WebSocket with one small shared
 * executor, so 5000 clients do not need 10000 threads. Mind the open-file limit: with an embedded
 * server each client costs two sockets in this process.
 */
public final class LoadTest {
  private static final long HEARTBEAT_MS = 5_000;
  private static final long PING_TICK_MS = 50;
  private static final long LOGIN_PHASE_LIMIT_MS = 180_000;
  private static final int HTTP_CLIENTS = 4;

  private final LoadTestOptions options;
  private final PrintStream progress;

  /** A run with {@code options}; progress lines go to {@code progress}. */
  public LoadTest(LoadTestOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Runs the test to the end and returns its figures.
   *
   * @throws IllegalStateException when the embedded server cannot start
   */
  public LoadReport run() throws InterruptedException {
    Set<Long> before = ServerProbe.liveThreads();
    EmbeddedServer embedded =
        options.embedded ? EmbeddedServer.start(options.clients + 100) : null;
    ServerProbe probe = embedded != null ? ServerProbe.threadsSince(before) : ServerProbe.none();
    URI uri = embedded != null ? embedded.uri() : options.url;
    AtomicInteger ioThreads = new AtomicInteger();
    ExecutorService io = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "loadtest-io-" + ioThreads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ScheduledExecutorService driverThread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "loadtest-driver");
      t.setDaemon(true);
      return t;
    });
    LoadStats stats = new LoadStats();
    CallDriver driver = new CallDriver(stats, options.timeoutMs);
    List<LoadClient> clients = new ArrayList<>(options.clients);
    AtomicLong heapPeak = new AtomicLong(ServerProbe.heapUsed());
    try {
      driverThread.scheduleAtFixedRate(
          () -> heapPeak.accumulateAndGet(ServerProbe.heapUsed(), Math::max), 0, 500,
          TimeUnit.MILLISECONDS);
      // Several HttpClients: each has one selector thread, which would otherwise read for all.
      List<HttpClient> http = new ArrayList<>();
      for (int i = 0; i < HTTP_CLIENTS; i++) {
        http.add(HttpClient.newBuilder()
            .executor(io)
            .connectTimeout(Duration.ofMillis(options.timeoutMs))
            .build());
      }

      progress.printf("loadtest: logging in %d clients to %s%n", options.clients, uri);
      AtomicReferenceArray<LoadClient> beating = new AtomicReferenceArray<>(options.clients);
      startHeartbeats(driverThread, beating);
      long serverCpu0 = probe.serverCpuNanos();
      long loginStart = System.nanoTime();
      loginAll(http, uri, stats, driver, clients, beating);
      long loginPhaseMs = (System.nanoTime() - loginStart) / 1_000_000;
      long serverCpu1 = probe.serverCpuNanos();
      driver.addIdle(clients);

      progress.printf("loadtest: %d logged in after %.1f s; %d call setups/s for %d s%n",
          stats.loggedIn.sum(), loginPhaseMs / 1000.0, options.rate, options.durationSeconds);
      stats.callPhase = true;
      long process0 = ServerProbe.processCpuNanos();
      long callStart = System.nanoTime();
      long periodMicros = Math.max(1, 1_000_000L / options.rate);
      var launcher = driverThread.scheduleAtFixedRate(
          driver::startSetup, 0, periodMicros, TimeUnit.MICROSECONDS);
      Thread.sleep(options.durationSeconds * 1000L);
      launcher.cancel(false);
      // A setup the launcher was starting as it was cancelled counts too: wait until the
      // driver thread has finished it (it runs its tasks one at a time).
      try {
        driverThread.submit(() -> { }).get(options.timeoutMs, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        stats.error("DRIVER_STUCK");
      }
      long drainUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.timeoutMs + 2000);
      while (driver.inFlight() > 0 && System.nanoTime() < drainUntil) {
        Thread.sleep(50);
      }
      long callPhaseMs = (System.nanoTime() - callStart) / 1_000_000;
      long serverCpu2 = probe.serverCpuNanos();
      long process1 = ServerProbe.processCpuNanos();
      heapPeak.accumulateAndGet(ServerProbe.heapUsed(), Math::max);
      System.gc();
      long heapAfterGc = ServerProbe.heapUsed();
      boolean embeddedServer = embedded != null;
      return new LoadReport(options, uri + (embeddedServer ? " (embedded)" : ""), stats,
          loginPhaseMs, callPhaseMs,
          embeddedServer ? serverCpu1 - serverCpu0 : -1,
          embeddedServer ? serverCpu2 - serverCpu1 : -1,
          process1 - process0, heapPeak.get(), heapAfterGc);
    } finally {
      driverThread.shutdownNow();
      for (LoadClient c : clients) {
        c.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      io.shutdown();
      if (!io.awaitTermination(10, TimeUnit.SECONDS)) {
        io.shutdownNow();
      }
    }
  }

  private void loginAll(List<HttpClient> http, URI uri, LoadStats stats, CallDriver driver,
      List<LoadClient> loggedIn, AtomicReferenceArray<LoadClient> beating)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(options.loginConcurrency);
    List<LoadClient> all = new ArrayList<>(options.clients);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOGIN_PHASE_LIMIT_MS);
    for (int i = 0; i < options.clients; i++) {
      if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        progress.println("loadtest: login phase limit reached");
        break;
      }
      LoadClient c = new LoadClient(options.userPrefix + i, stats, driver, options.timeoutMs);
      all.add(c);
      int slot = i;
      String watch = options.watchPresence && (i ^ 1) < options.clients
          ? options.userPrefix + (i ^ 1) : null;
      c.login(http.get(i % http.size()), uri, watch).whenComplete((ok, e) -> {
        if (e == null) {
          beating.set(slot, c); // its heartbeat starts now, not after the login phase
          stats.loggedIn.increment();
        } else {
          stats.loginFailed.increment();
          stats.error("LOGIN:" + LoadClient.codeOf(e));
        }
        inFlight.release();
      });
      if ((i + 1) % 1000 == 0) {
        progress.printf("loadtest: %d logins started, %d done%n", i + 1, stats.loggedIn.sum());
      }
    }
    // wait for the last logins
    inFlight.tryAcquire(options.loginConcurrency,
        Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    for (LoadClient c : all) {
      if (c.isLoggedIn()) {
        loggedIn.add(c);
      } else {
        c.close();
      }
    }
  }

  /** Pings every logged-in client once per heartbeat, spread over the period. */
  private static void startHeartbeats(ScheduledExecutorService timer,
      AtomicReferenceArray<LoadClient> clients) {
    int slots = (int) (HEARTBEAT_MS / PING_TICK_MS);
    AtomicLong tick = new AtomicLong();
    timer.scheduleAtFixedRate(() -> {
      int slot = (int) (tick.getAndIncrement() % slots);
      for (int i = slot; i < clients.length(); i += slots) {
        LoadClient c = clients.get(i);
        if (c != null) {
          c.ping();
        }
      }
    }, PING_TICK_MS, PING_TICK_MS, TimeUnit.MILLISECONDS);
  }
}
