package org.parley.signalling.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@link LoadTest} run. {@link #print} writes them as a small table; tests use
 * the counters ({@link #allSetupsCompleted()}, {@link #errors}).
 */
public final class LoadReport {
  public final String server;
  public final int clients;
  public final int rate;
  public final int durationSeconds;
  public final long loggedIn;
  public final long loginFailed;
  public final long loginPhaseMs;
  public final LatencyRecorder.Snapshot login;
  public final long setupsStarted;
  public final long setupsCompleted;
  public final long setupsFailed;
  public final long setupsSkipped;
  public final LatencyRecorder.Snapshot requestAck;
  public final LatencyRecorder.Snapshot inviteToAccept;
  public final LatencyRecorder.Snapshot ping;
  public final LatencyRecorder.Snapshot pingCalls;
  public final long messagesReceived;
  public final long presenceReceived;
  /** Whether the clients logged in with presence {@code watch}. */
  public final boolean watchPresence;
  public final long unexpectedCloses;
  public final long latePushes;
  /** Server threads' CPU during the call phase, ns; -1 when the server is not embedded. */
  public final long serverCpuCallPhaseNs;
  /** Server threads' CPU during the login phase, ns; -1 when the server is not embedded. */
  public final long serverCpuLoginPhaseNs;
  /** Whole process CPU during the call phase, ns. */
  public final long processCpuCallPhaseNs;
  public final long callPhaseMs;
  public final long heapPeakBytes;
  public final long heapAfterGcBytes;
  public final Map<String, Long> errors;

  LoadReport(LoadTestOptions o, String server, LoadStats s, long loginPhaseMs, long callPhaseMs,
      long serverCpuLoginPhaseNs, long serverCpuCallPhaseNs, long processCpuCallPhaseNs,
      long heapPeakBytes, long heapAfterGcBytes) {
    this.server = server;
    this.clients = o.clients;
    this.rate = o.rate;
    this.durationSeconds = o.durationSeconds;
    this.loggedIn = s.loggedIn.sum();
    this.loginFailed = s.loginFailed.sum();
    this.loginPhaseMs = loginPhaseMs;
    this.login = s.login.snapshot();
    this.setupsStarted = s.setupsStarted.sum();
    this.setupsCompleted = s.setupsCompleted.sum();
    this.setupsFailed = s.setupsFailed.sum();
    this.setupsSkipped = s.setupsSkipped.sum();
    this.requestAck = s.requestAck.snapshot();
    this.inviteToAccept = s.inviteToAccept.snapshot();
    this.ping = s.ping.snapshot();
    this.pingCalls = s.pingCalls.snapshot();
    this.messagesReceived = s.messagesReceived.sum();
    this.presenceReceived = s.presenceReceived.sum();
    this.watchPresence = o.watchPresence;
    this.unexpectedCloses = s.unexpectedCloses.sum();
    this.latePushes = s.latePushes.sum();
    this.serverCpuLoginPhaseNs = serverCpuLoginPhaseNs;
    this.serverCpuCallPhaseNs = serverCpuCallPhaseNs;
    this.processCpuCallPhaseNs = processCpuCallPhaseNs;
    this.callPhaseMs = callPhaseMs;
    this.heapPeakBytes = heapPeakBytes;
    this.heapAfterGcBytes = heapAfterGcBytes;
    this.errors = Map.copyOf(s.errors());
  }

  /** True when every client logged in and every started setup completed, with no error. */
  public boolean allSetupsCompleted() {
    return loggedIn == clients && setupsFailed == 0 && setupsStarted > 0
        && setupsCompleted == setupsStarted && errors.isEmpty();
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "Parley signalling load test: %d clients (presence %s), %d call"
        + " setups/s for %d s against %s%n", clients, watchPresence ? "watch" : "all", rate,
        durationSeconds, server);
    out.printf(Locale.ROOT, "  clients logged in   %d/%d in %.1f s (%d failed)%n",
        loggedIn, clients, loginPhaseMs / 1000.0, loginFailed);
    out.printf(Locale.ROOT, "  login round trip    %s%n", login.format());
    out.printf(Locale.ROOT, "  call setups         started %d, completed %d, failed %d,"
        + " skipped %d (no idle pair)%n", setupsStarted, setupsCompleted, setupsFailed,
        setupsSkipped);
    out.printf(Locale.ROOT, "  achieved            %.1f completed setups/s over the %.1f s call phase%n",
        callPhaseMs <= 0 ? 0 : setupsCompleted * 1000.0 / callPhaseMs, callPhaseMs / 1000.0);
    out.printf(Locale.ROOT, "  request -> ack      %s%n", requestAck.format());
    out.printf(Locale.ROOT, "  invite -> accept    %s%n", inviteToAccept.format());
    out.printf(Locale.ROOT, "  ping -> pong        login phase %s%n", ping.format());
    out.printf(Locale.ROOT, "                      call phase  %s%n", pingCalls.format());
    out.printf(Locale.ROOT, "  received            %d messages (%d presence, %d call pushes after"
        + " their setup failed), %d connections closed by the server%n", messagesReceived,
        presenceReceived, latePushes, unexpectedCloses);
    if (serverCpuCallPhaseNs >= 0) {
      out.printf(Locale.ROOT, "  server CPU          login phase %.1f s; call phase %.1f s"
          + " = %.0f%% of one core (server threads only)%n",
          serverCpuLoginPhaseNs / 1e9, serverCpuCallPhaseNs / 1e9,
          percentOfCore(serverCpuCallPhaseNs));
    } else {
      out.println("  server CPU          n/a (server not embedded)");
    }
    out.printf(Locale.ROOT, "  process CPU         call phase %.1f s = %.0f%% of one core"
        + " (server and clients)%n", processCpuCallPhaseNs / 1e9,
        percentOfCore(processCpuCallPhaseNs));
    out.printf(Locale.ROOT, "  heap                peak %d MiB, after GC %d MiB (whole JVM)%n",
        heapPeakBytes >> 20, heapAfterGcBytes >> 20);
    out.printf(Locale.ROOT, "  errors              %s%n", errors.isEmpty() ? "none"
        : new java.util.TreeMap<>(errors).toString());
  }

  private double percentOfCore(long cpuNs) {
    return callPhaseMs <= 0 ? 0 : 100.0 * cpuNs / (callPhaseMs * 1e6);
  }
}
