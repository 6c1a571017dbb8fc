// Runs two calls' whole media (audio + video + session, SRTP) against each
// other over the simulated network and measures what the far side sees: the
// harness behind issue 5's transport targets and issue 4's audio figures.
#ifndef PARLEY_BENCH_CALL_PIPELINE_HARNESS_H
#define PARLEY_BENCH_CALL_PIPELINE_HARNESS_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace parley::call {
struct CallMediaConfig;
}

namespace parley::bench {

// One run. The impairments apply to both directions alike (each end's
// inbound link gets the same settings, its own seed).
struct CallHarnessConfig {
  std::string label = "call";
  int width = 640;
  int height = 480;
  int fps = 30;
  double seconds = 20;        // real time the call runs
  double warmupSeconds = 2;   // left out of fps, freezes, latency (not of the settle time)
  uint64_t seed = 1;
  double lossRate = 0;        // random loss per packet
  int delayMs = 20;           // one-way base delay
  int jitterMs = 0;           // uniform [0, jitterMs] on top, order kept
  int capKbps = 0;            // bottleneck rate, 0: none
  size_t queueLimitBytes = 64'000;  // the bottleneck's drop-tail buffer (with a cap)
  size_t perPacketOverheadBytes = 28;  // IPv4 + UDP counted at the cap
  int startKbps = 1000;       // session.sendRate (audio + video)
  int minKbps = 100;
  int maxKbps = 2000;
  bool srtp = true;           // false: plain RTP
  bool peerSendsVideo = true; // side B sends video back (a real two-way call)
  int freezeThresholdMs = 150;
  int pollIntervalMs = 100;   // side A's stats and the bottleneck are sampled this often
  // Experiments: called on both calls' configs (side 'A' and 'B') after the
  // harness filled them, before they start. Empty: the configs as built.
  std::function<void(char side, call::CallMediaConfig&)> adjust;
};

// One render gap over the freeze threshold.
struct CallFreeze {
  double atSeconds = 0;  // when the picture moved again, since start
  double gapMs = 0;
  int64_t sequence = -1; // the frame that ended it (-1: the window's end)
};

// Issue 5: the sender may take this long to settle under a cap; queueing
// figures are taken after it.
constexpr double kSettleAllowanceSeconds = 5.0;

// One sample of side A's sending over time (every pollIntervalMs).
struct CallRateSample {
  double seconds = 0;            // since start
  double targetKbps = 0;         // session target (audio + video)
  double videoTargetKbps = 0;
  double rembKbps = 0;           // B's REMB, as A last received it (0: none yet)
  double offeredKbps = 0;        // what reached the A->B link in the last interval, overhead included
  double pacerDelayMs = 0;       // age of the oldest packet in A's pacer
  double bottleneckDelayMs = 0;  // mean wait at the A->B bottleneck in the interval (-1: none queued)
  double latencyMs = -1;         // mean capture -> render of B's frames in the interval (-1: none)
  int videoDelayMs = 0;          // B's video jitter buffer delay now
  int audioDelayMs = 0;          // B's audio jitter buffer delay now
  double reportedLossPercent = 0;  // B's last report block on A's video
  int opusLossPercent = 0;         // the loss A's Opus encoder plans FEC for
};

// What side B saw of side A's media, and what A's sending did. Windowed
// figures (fps, freezes, latency, missing) cover [warmup, seconds].
struct CallHarnessResult {
  std::string label;
  CallHarnessConfig config;
  std::string error;  // non-empty: the run did not happen
  double measuredSeconds = 0;

  // Video, from the stamps B's renderer read.
  int64_t framesCaptured = 0;    // A's camera, in the window
  int64_t framesRendered = 0;    // B's render() calls, in the window
  int64_t framesUnique = 0;      // distinct captured frames among them
  int64_t framesMissing = 0;     // captured in the window, never rendered
  int64_t framesRepeated = 0;
  int64_t framesOutOfOrder = 0;
  int64_t stampsUnreadable = 0;
  double renderedFps = 0;        // unique frames rendered per second
  int64_t freezes = 0;           // render gaps over freezeThresholdMs
  double frozenMs = 0;           // sum of those gaps
  double frozenShare = 0;        // frozenMs / window
  double maxGapMs = 0;
  double latencyP50Ms = 0;       // capture -> rendered (same clock)
  double latencyP95Ms = 0;
  double latencyP99Ms = 0;
  double latencyMaxMs = 0;

  // A's rate control at the cap.
  double settleSeconds = -1;     // target stays below the cap from then on; -1: never (0: no cap)
  double queueDrainSeconds = -1; // bottleneck delay stays under 100 ms from then on (0: no cap)
  double offeredSettleSeconds = -1;  // the same for the offered load (1 s mean)
  double finalTargetKbps = 0;
  double meanTargetKbpsAfterSettle = 0;
  double offeredKbps = 0;        // mean over the window, overhead included
  double pacerDelayP95Ms = 0;    // over the samples in the window
  double pacerDelayMaxMs = 0;
  // Bottleneck queueing from SimulatedNetwork::Stats (send -> leaving the
  // queue, measured per packet by the link, not estimated): per-interval
  // means from kSettleAllowanceSeconds on (the time issue 5 gives the
  // sender to settle; from the warm-up's end without a cap), and the link's
  // own maximum over the whole run.
  double bottleneckDelayMeanMs = 0;
  double bottleneckDelayP95Ms = 0;
  double bottleneckDelayMaxMs = 0;
  double linkMaxQueueDelayMs = 0;  // the link's own maximum, over the whole run
  uint64_t bottleneckQueueDrops = 0;
  uint64_t linkPacketsSent = 0;  // A->B link
  uint64_t linkPacketsLost = 0;

  // Session figures (video: B's receive stream, A's send stream).
  int64_t videoPacketsLost = 0;  // B's ReceiveStatistics
  uint64_t videoRetransmitted = 0;  // A resent on NACK
  uint64_t nacksSent = 0;           // B, packets NACKed
  uint64_t nackMisses = 0;          // A, no longer in its history
  uint64_t resendsSuppressed = 0;   // A, NACKed again within an RTT of its resend
  uint64_t plisSent = 0;            // B
  uint64_t keyframes = 0;           // A's encoder
  int64_t rttMs = -1;               // A's view
  int videoJitterBufferDelayMs = 0; // B, at the end
  int videoJitterMs = 0;
  uint64_t videoFramesLate = 0;
  uint64_t videoFramesDropped = 0;
  uint64_t videoPacketsRecovered = 0;
  int64_t videoDecodeErrors = 0;
  int64_t encoderFramesDropped = 0;
  double encodeMeanMs = 0;          // A's VP8 encode, wall time
  double decodeMeanMs = 0;          // B's VP8 decode

  // Audio at B.
  int64_t audioPlayedMs = 0;
  int64_t audioConcealedMs = 0;
  double audioConcealedShare = 0;
  int64_t audioFecRecoveredMs = 0;
  uint64_t audioFecRecovered = 0;
  uint64_t audioPacketsLost = 0;
  uint64_t audioPacketsLate = 0;
  int audioDelayMs = 0;             // B's audio jitter buffer, at the end
  int audioJitterMs = 0;
  int64_t audioAcceleratedMs = 0;
  int64_t audioDeceleratedMs = 0;
  double audioEncodeMeanMs = 0;     // A's Opus encode
  int audioExpectedLossPercent = 0; // what A told Opus at the end
  bool lipSyncKnown = false;
  int lipSyncOffsetMs = 0;          // B: video later than audio
  int lipSyncVideoDelayMs = 0;

  // Both calls in this one process.
  double cpuPercent = 0;            // of one core, over the whole run
  int64_t peakRssKb = 0;
  double loadAverage = -1;          // the machine's 1-minute load at the end (-1: unknown)
  uint64_t srtpAuthFailures = 0;    // both sides

  std::vector<CallRateSample> timeline;
  std::vector<CallFreeze> freezeList;
};

// Builds both calls (A and B, real SystemClock, test-pattern cameras stamped
// with capture time, a 440 Hz tone as microphone, a null speaker) over a pair
// of SimulatedTransports, runs them for config.seconds of real time and
// measures. Never throws; a setup failure is reported in result.error.
CallHarnessResult runCallPipeline(const CallHarnessConfig& config);

// One line of JSON with every scalar field (the timeline is left out).
std::string toJson(const CallHarnessResult& result);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CALL_PIPELINE_HARNESS_H
