package org.parley.signalling.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters and round-trip recorders of one load-test run, shared by all clients and safe to
 * update from any thread.
 */
final class LoadStats {
  final LatencyRecorder login = new LatencyRecorder();
  final LatencyRecorder requestAck = new LatencyRecorder();
  final LatencyRecorder inviteToAccept = new LatencyRecorder();
  final LatencyRecorder ping = new LatencyRecorder();
  /** Pings of the call phase only (the login phase's handshakes make the others slower). */
  final LatencyRecorder pingCalls = new LatencyRecorder();
  /** Set when the call phase starts. */
  volatile boolean callPhase;
  final LongAdder loggedIn = new LongAdder();
  final LongAdder loginFailed = new LongAdder();
  final LongAdder setupsStarted = new LongAdder();
  final LongAdder setupsCompleted = new LongAdder();
  final LongAdder setupsFailed = new LongAdder();
  final LongAdder setupsSkipped = new LongAdder();
  final LongAdder presenceReceived = new LongAdder();
  final LongAdder messagesReceived = new LongAdder();
  final LongAdder unexpectedCloses = new LongAdder();
  /** Call pushes that arrived after their setup had already failed (timed out). */
  final LongAdder latePushes = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  /** Counts one error by its code (a server code, or TIMEOUT, DISCONNECTED, CALL_ENDED:...). */
  void error(String code) {
    errors.computeIfAbsent(code == null ? "UNKNOWN" : code, k -> new LongAdder()).increment();
  }

  /** The errors so far, by code, sorted by name. */
  Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
