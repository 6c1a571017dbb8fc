// Runs two calls' whole media (audio + video + session, SRTP) against each
// other over the simulated network and measures what the far side sees: the
// harness behind issue 5's transport targets and issue 4's audio figures.
#ifndef PARLEY_BENCH_CALL_PIPELINE_HARNESS_H
#define PARLEY_BENCH_CALL_PIPELINE_HARNESS_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bench/video_analysis.h"

namespace parley::call {
struct CallMediaConfig;
}

namespace parley::bench {

// Lets another thread end a run early and watch it (BenchRun). All fields
// atomic: written by the run, read by anyone.
struct CallHarnessControl {
  std::atomic<bool> cancel{false};        // set to end the run at the next tick
  std::atomic<double> elapsedSeconds{0};  // since the calls started
  std::atomic<int64_t> framesRendered{0}; // B's drawn pictures so far
  std::atomic<double> latencyP50Ms{-1};   // over the frames drawn so far (-1: none)
  std::atomic<double> bitrateKbps{0};     // A's video, last sample interval
};

// One run. The impairments apply to both directions alike (each end's
// inbound link gets the same settings, its own seed).
struct CallHarnessConfig {
  std::string label = "call";
  int width = 640;
  int height = 480;
  int fps = 30;
  double seconds = 20;        // real time the call runs
  double warmupSeconds = 2;   // left out of the windowed figures (not of the settle time)
  uint64_t seed = 1;
  double lossRate = 0;        // mean loss per packet
  double burstLength = 1;     // mean loss burst in packets (Gilbert-Elliott); 1: independent
  int delayMs = 20;           // one-way base delay
  int jitterMs = 0;           // uniform [0, jitterMs] on top, order kept
  double reorderRate = 0;     // share held back max(jitterMs, 10 ms) so later ones overtake
  int capKbps = 0;            // bottleneck rate, 0: none
  size_t queueLimitBytes = 64'000;  // the bottleneck's drop-tail buffer (with a cap)
  size_t perPacketOverheadBytes = 28;  // IPv4 + UDP counted at the cap
  int startKbps = 1000;       // session.sendRate (audio + video)
  int minKbps = 100;
  int maxKbps = 2000;
  int fixedVideoKbps = 0;     // > 0: the encoders keep this rate (no rate control of video)
  int encoderSpeed = -6;      // libvpx VP8E_SET_CPUUSED
  int encoderThreads = 1;
  bool audio = true;          // both calls send and play audio
  bool srtp = true;           // false: plain RTP
  bool peerSendsVideo = true; // side B sends video back (a real two-way call)
  uint64_t windowHandle = 0;  // B draws A's video here; 0: a pixel buffer
  int freezeThresholdMs = 150;  // a gap over this or three frame intervals is frozen
  int pollIntervalMs = 100;   // side A's stats and the bottleneck are sampled this often
  CallHarnessControl* control = nullptr;  // optional: cancel and progress
  // Experiments: called on both calls' configs (side 'A' and 'B') after the
  // harness filled them, before they start. Empty: the configs as built.
  std::function<void(char side, call::CallMediaConfig&)> adjust;
};

// The freeze limit of a config: the larger of freezeThresholdMs and three
// frame intervals (at low frame rates three missed frames are the shortest
// stall a viewer notices; 150 ms is the usual limit at 30 fps).
double freezeLimitMs(const CallHarnessConfig& config);

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
  double videoKbps = 0;          // A's video RTP bytes sent in the interval
  double fps = 0;                // distinct frames B drew in the interval, per second
  double pacerDelayMs = 0;       // age of the oldest packet in A's pacer
  double bottleneckDelayMs = 0;  // mean wait at the A->B bottleneck in the interval (-1: none queued)
  double latencyMs = -1;         // mean capture -> render of B's frames in the interval (-1: none)
  int videoDelayMs = 0;          // B's video jitter buffer delay now
  int audioDelayMs = 0;          // B's audio jitter buffer delay now
  int reverseVideoDelayMs = 0;   // A's video jitter buffer delay now
  double reportedLossPercent = 0;  // B's last report block on A's video
  int opusLossPercent = 0;         // the loss A's Opus encoder plans FEC for
  int64_t rssKb = 0;               // the process's resident set now
};

// What side B saw of side A's media (and, two-way, A of B's), and what A's
// sending did. Windowed figures cover [warmup, end].
struct CallHarnessResult {
  std::string label;
  CallHarnessConfig config;
  std::string error;  // non-empty: the run did not happen or broke
  bool completed = false;  // ran its full length (false: cancelled or failed)
  double elapsedSeconds = 0;  // since the calls started
  double measuredSeconds = 0;

  VideoFigures video;    // A's camera as B drew it
  VideoFigures reverse;  // B's camera as A drew it (peerSendsVideo only)

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
  uint64_t linkPacketsSent = 0;  // A->B link, whole run
  uint64_t linkPacketsLost = 0;
  uint64_t reverseLinkPacketsSent = 0;  // B->A link, whole run
  uint64_t reverseLinkPacketsLost = 0;
  int64_t rttMs = -1;            // A's view

  // Audio at B (window differences; delays from the timeline's samples).
  int64_t audioPlayedMs = 0;
  int64_t audioConcealedMs = 0;
  double audioConcealedShare = 0;
  int64_t audioFecRecoveredMs = 0;
  uint64_t audioFecRecovered = 0;
  uint64_t audioPacketsLost = 0;
  uint64_t audioPacketsLate = 0;
  double audioDelayMeanMs = -1;     // B's audio jitter buffer, mean of the samples
  double audioDelayP95Ms = -1;
  int audioJitterMs = 0;
  int64_t audioAcceleratedMs = 0;
  int64_t audioDeceleratedMs = 0;
  double audioBitrateKbps = 0;      // A's Opus RTP bytes sent per second
  double audioEncodeMeanMs = 0;     // A's Opus encode
  int audioExpectedLossPercent = 0; // what A told Opus at the end
  bool lipSyncKnown = false;
  int lipSyncOffsetMs = 0;          // B: video later than audio
  int lipSyncVideoDelayMs = 0;

  // Both calls in this one process.
  double cpuSeconds = 0;            // process CPU over the window
  double cpuSecondsPerMediaSecond = 0;
  double cpuPercent = 0;            // of one core, over the window
  int64_t startRssKb = 0;           // before the calls were built
  int64_t windowStartRssKb = 0;     // when the window started (growth = final - this)
  int64_t peakRssKb = 0;            // the largest sample during the run
  int64_t finalRssKb = 0;           // at the window's end, calls still up
  double loadAverage = -1;          // the machine's 1-minute load at the end (-1: unknown)
  uint64_t srtpAuthFailures = 0;    // both sides

  std::vector<CallRateSample> timeline;
};

// Builds both calls (A and B, real SystemClock, test-pattern cameras stamped
// with capture time, a speech-like voice as microphone, a null speaker) over a pair
// of SimulatedTransports, runs them for config.seconds of real time (or
// until config.control->cancel) and measures. Never throws; a setup failure
// is reported in result.error.
CallHarnessResult runCallPipeline(const CallHarnessConfig& config);

// One line of JSON with every scalar field of the forward direction (the
// timeline is left out): parley_call_harness's output.
std::string toJson(const CallHarnessResult& result);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CALL_PIPELINE_HARNESS_H
