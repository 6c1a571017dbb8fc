package org.parley.signalling.load;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/**
 * Runs call setups over the wire between idle pairs of {@link LoadClient}s: the caller sends
 * {@code invite}; when the callee receives it, it answers {@code ringing} then {@code accept};
 * when the caller receives {@code accept} it sends {@code hangup}; the setup is complete when the
 * caller's hangup is acknowledged and the callee has received it. Any error reply, {@code
 * call-ended} or a setup slower than the timeout counts as failed, by code.
 */
final class CallDriver implements LoadClient.Calls {
  /** A minimal RFC 8866 offer/answer body; the server only carries it. */
  private static final String SDP =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
          + "m=audio 9 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\n";

  private final LoadStats stats;
  private final long timeoutMs;
  private final ConcurrentLinkedQueue<LoadClient> idle = new ConcurrentLinkedQueue<>();
  /** Every setup of the run by call id (finished ones stay, so late pushes are recognised). */
  private final Map<String, Setup> setups = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  private final class Setup {
    final String callId = UUID.randomUUID().toString();
    final LoadClient caller;
    final LoadClient callee;
    final long inviteSent = System.nanoTime();
    final AtomicBoolean finished = new AtomicBoolean();
    final CompletableFuture<Void> hangupAcked = new CompletableFuture<>();
    final CompletableFuture<Void> hangupReceived = new CompletableFuture<>();

    Setup(LoadClient caller, LoadClient callee) {
      this.caller = caller;
      this.callee = callee;
    }
  }

  CallDriver(LoadStats stats, long timeoutMs) {
    this.stats = stats;
    this.timeoutMs = timeoutMs;
  }

  /** Makes {@code clients} available for calls. */
  void addIdle(List<LoadClient> clients) {
    idle.addAll(clients);
  }

  /** Setups started and not finished yet. */
  int inFlight() {
    return inFlight.get();
  }

  /** Starts one setup between two idle clients (or counts it skipped when none are free). */
  void startSetup() {
    LoadClient caller = idle.poll();
    LoadClient callee = caller == null ? null : idle.poll();
    if (callee == null) {
      if (caller != null) {
        idle.add(caller);
      }
      stats.setupsSkipped.increment();
      return;
    }
    Setup s = new Setup(caller, callee);
    setups.put(s.callId, s);
    inFlight.incrementAndGet();
    stats.setupsStarted.increment();
    CompletableFuture.allOf(s.hangupAcked, s.hangupReceived)
        .orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .whenComplete((x, e) -> finish(s, e == null ? null : LoadClient.codeOf(e)));
    Message invite = Message.builder(MessageType.INVITE)
        .put("callId", s.callId)
        .put("to", callee.user)
        .put("video", false)
        .put("sdp", SDP)
        .build();
    caller.request(invite, stats.requestAck).whenComplete((r, e) -> failOn(s, e));
  }

  @Override
  public void onInvite(LoadClient callee, String callId) {
    Setup s = callId == null ? null : setups.get(callId);
    if (s == null || s.callee != callee) {
      stats.error("UNEXPECTED_INVITE");
      return;
    }
    if (s.finished.get()) {
      stats.latePushes.increment(); // the setup already timed out
      return;
    }
    Message ringing = Message.builder(MessageType.RINGING).put("callId", callId).build();
    Message accept = Message.builder(MessageType.ACCEPT)
        .put("callId", callId).put("video", false).put("sdp", SDP).build();
    callee.request(ringing, stats.requestAck)
        .thenCompose(r -> callee.request(accept, stats.requestAck))
        .whenComplete((r, e) -> failOn(s, e));
  }

  @Override
  public void onAccept(LoadClient caller, String callId) {
    Setup s = callId == null ? null : setups.get(callId);
    if (s == null || s.caller != caller) {
      stats.error("UNEXPECTED_ACCEPT");
      return;
    }
    if (s.finished.get()) {
      stats.latePushes.increment();
      return;
    }
    stats.inviteToAccept.record(System.nanoTime() - s.inviteSent);
    Message hangup = Message.builder(MessageType.HANGUP).put("callId", callId).build();
    caller.request(hangup, stats.requestAck).whenComplete((r, e) -> {
      if (e == null) {
        s.hangupAcked.complete(null);
      } else {
        failOn(s, e);
      }
    });
  }

  @Override
  public void onHangup(LoadClient callee, String callId) {
    Setup s = callId == null ? null : setups.get(callId);
    if (s != null && s.callee == callee) {
      s.hangupReceived.complete(null);
    }
  }

  @Override
  public void onCallEnded(LoadClient client, String callId, String reason) {
    Setup s = callId == null ? null : setups.get(callId);
    if (s != null && s.finished.get()) {
      stats.latePushes.increment();
    } else if (s != null) {
      s.hangupAcked.completeExceptionally(
          new LoadClient.Failure("CALL_ENDED:" + reason, "server ended the call"));
    } else {
      stats.error("CALL_ENDED:" + reason);
    }
  }

  private void failOn(Setup s, Throwable e) {
    if (e != null) {
      s.hangupAcked.completeExceptionally(e);
    }
  }

  private void finish(Setup s, String failureCode) {
    if (!s.finished.compareAndSet(false, true)) {
      return;
    }
    if (failureCode == null) {
      stats.setupsCompleted.increment();
    } else {
      stats.setupsFailed.increment();
      stats.error("TimeoutException".equals(failureCode) ? "SETUP_TIMEOUT" : failureCode);
      // Best effort: end whatever is left of the call so both users become free again.
      s.caller.send(Message.builder(MessageType.HANGUP).put("callId", s.callId).build());
    }
    idle.add(s.caller);
    idle.add(s.callee);
    // Last: whoever sees nothing in flight also sees this setup counted.
    inFlight.decrementAndGet();
  }
}
