// The call harness's run: start the pair, sample on a fixed grid (rate,
// delays, latency, RSS), mark the window's start and end with snapshots of
// both calls' counters, then turn everything into figures.
#include "bench/call_pipeline_harness.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <thread>

#include "bench/call_pair.h"
#include "bench/cpu_usage.h"
#include "bench/percentiles.h"
#include "bench/call_analysis.h"

namespace parley::bench {
namespace {

// Both calls' counters and the process's CPU at one moment.
struct Snapshot {
  int64_t atUs = 0;
  int64_t cpuUs = 0;
  call::CallMediaStats a;
  call::CallMediaStats b;
};

Snapshot snapshot(CallPair& pair, const Clock& clock) {
  Snapshot s;
  s.atUs = clock.nowUs();
  s.cpuUs = processCpuUs();
  s.a = pair.a().stats();
  s.b = pair.b().stats();
  return s;
}

// Other work on the machine steals the pipelines' threads: worth knowing
// next to the figures (Linux; -1 elsewhere).
double loadAverage() {
  std::ifstream file("/proc/loadavg");
  double load = -1;
  if (!(file >> load)) return -1;
  return load;
}

double perSecondKbps(int64_t bytes, double seconds) {
  return seconds > 0 ? static_cast<double>(bytes) * 8.0 / 1000.0 / seconds : 0;
}

// Sleeps until `untilUs` in short slices; false when cancelled meanwhile.
bool sleepUntil(const Clock& clock, int64_t untilUs, const CallHarnessControl* control) {
  for (;;) {
    if (control != nullptr && control->cancel.load()) return false;
    const int64_t leftUs = untilUs - clock.nowUs();
    if (leftUs <= 0) return true;
    std::this_thread::sleep_for(std::chrono::microseconds(std::min<int64_t>(leftUs, 50'000)));
  }
}

// The run's sampling: one CallRateSample per tick, the progress figures.
// Frames one direction may log in the run (a tenth over, for a fast camera).
size_t expectedFrames(const CallHarnessConfig& config) {
  const double seconds = std::max(0.0, config.seconds) + config.warmupSeconds + 2.0;
  return static_cast<size_t>(seconds * std::max(1, config.fps) * 1.1) + 64;
}

class Sampler {
 public:
  Sampler(const CallHarnessConfig& config, CallPair& pair, const Clock& clock, int64_t startUs)
      : config_(config), pair_(pair), clock_(clock), startUs_(startUs),
        lastLink_(pair.transportB().inboundStats()), lastUs_(startUs) {
    latency_.prepare(expectedFrames(config));
  }

  CallRateSample sample() {
    const int64_t nowUs = clock_.nowUs();
    const call::CallMediaStats stats = pair_.a().stats();
    const call::CallMediaStats statsB = pair_.b().stats();
    const network::SimulatedNetwork::Stats link = pair_.transportB().inboundStats();
    const double dtSeconds = static_cast<double>(std::max<int64_t>(1, nowUs - lastUs_)) / 1e6;
    CallRateSample s;
    s.seconds = static_cast<double>(nowUs - startUs_) / 1e6;
    s.targetKbps = static_cast<double>(stats.session.targetBitrateBps) / 1000.0;
    s.videoTargetKbps = static_cast<double>(stats.session.videoTargetBps) / 1000.0;
    s.pacerDelayMs = static_cast<double>(stats.session.pacerQueueDelayMs);
    s.rembKbps = static_cast<double>(stats.session.rembReceivedBps) / 1000.0;
    if (const auto* video = findStream(stats.session.send, transport::MediaKind::kVideo)) {
      s.reportedLossPercent = video->fractionLost * 100.0;
    }
    s.opusLossPercent = stats.audioSend.expectedLossPercent;
    const StampReader::Interval interval = pair_.forward().stamps.takeInterval();
    if (!interval.latenciesMs.empty()) {
      double sum = 0;
      for (double ms : interval.latenciesMs) {
        sum += ms;
        latency_.add(ms);
      }
      s.latencyMs = sum / static_cast<double>(interval.latenciesMs.size());
    }
    s.fps = static_cast<double>(interval.framesDrawn) / dtSeconds;
    s.videoKbps = perSecondKbps(stats.videoSend.bytesSent - lastVideoBytes_, dtSeconds);
    lastVideoBytes_ = stats.videoSend.bytesSent;
    s.videoDelayMs = statsB.videoReceive.jitter.currentDelayMs;
    s.audioDelayMs = statsB.audioReceive.jitter.currentDelayMs;
    s.reverseVideoDelayMs = stats.videoReceive.jitter.currentDelayMs;
    const auto overhead = static_cast<uint64_t>(config_.perPacketOverheadBytes);
    const uint64_t bytes = (link.bytesSent + overhead * link.sent) -
                           (lastLink_.bytesSent + overhead * lastLink_.sent);
    s.offeredKbps = static_cast<double>(bytes) * 8.0 / 1000.0 / dtSeconds;
    const uint64_t queued = link.queuedPackets - lastLink_.queuedPackets;
    s.bottleneckDelayMs =
        queued > 0 ? static_cast<double>(link.totalQueueDelayUs - lastLink_.totalQueueDelayUs) /
                         1000.0 / static_cast<double>(queued)
                   : -1;
    s.rssKb = residentKb();
    lastLink_ = link;
    lastUs_ = nowUs;
    if (CallHarnessControl* control = config_.control) {
      control->elapsedSeconds.store(s.seconds);
      control->framesRendered.store(pair_.forward().stamps.framesDrawn());
      control->latencyP50Ms.store(latency_.count() > 0 ? latency_.percentile(50) : -1);
      control->bitrateKbps.store(s.videoKbps);
    }
    return s;
  }

 private:
  const CallHarnessConfig& config_;
  CallPair& pair_;
  const Clock& clock_;
  const int64_t startUs_;
  network::SimulatedNetwork::Stats lastLink_;
  int64_t lastUs_;
  int64_t lastVideoBytes_ = 0;
  Percentiles latency_{1 << 16};  // the progress line's p50 (the result's come from the logs)
};

void run(const CallHarnessConfig& config, CallHarnessResult& result) {
  SystemClock& clock = SystemClock::instance();
  result.startRssKb = residentKb();
  CallPair pair(config, clock);
  // The run's own logs are sized before the window opens, so the window's
  // memory growth is the pipeline's, not the bench's bookkeeping.
  const size_t frames = expectedFrames(config);
  for (VideoDirection* direction : {&pair.forward(), &pair.reverse()}) {
    direction->capture.prepare(frames);
    direction->stamps.prepare(frames);
    direction->codec.prepare(frames);
  }
  const auto ticks = static_cast<size_t>(config.seconds * 1000.0 / std::max(10, config.pollIntervalMs)) + 2;
  result.timeline.assign(ticks, CallRateSample{});  // written, so resident
  result.timeline.clear();
  std::string error;
  if (!pair.start(&error)) {
    result.error = error;
    return;
  }
  const int64_t startUs = clock.nowUs();
  const auto warmupUs = static_cast<int64_t>(config.warmupSeconds * 1e6);
  pair.forward().codec.setWindowStart(startUs + warmupUs);
  pair.reverse().codec.setWindowStart(startUs + warmupUs);
  // Until the warm-up ends the window starts at the start (a run cancelled
  // that early measures all it ran): counters since start, CPU since start.
  Snapshot base;
  base.atUs = startUs;
  base.cpuUs = processCpuUs();
  result.windowStartRssKb = residentKb();
  bool windowStarted = false;
  auto startWindowIfDue = [&] {
    if (!windowStarted && clock.nowUs() >= startUs + warmupUs) {
      base = snapshot(pair, clock);
      result.windowStartRssKb = residentKb();
      windowStarted = true;
    }
  };
  startWindowIfDue();

  Sampler sampler(config, pair, clock, startUs);
  const int64_t intervalUs = int64_t{std::max(10, config.pollIntervalMs)} * 1000;
  const int64_t endUs = startUs + static_cast<int64_t>(config.seconds * 1e6);
  bool cancelled = false;
  for (int64_t tick = startUs + intervalUs;; tick += intervalUs) {
    // The warm-up's end is a tick of its own, so the window starts on time.
    const int64_t next = windowStarted ? std::min(tick, endUs)
                                       : std::min({tick, endUs, startUs + warmupUs});
    if (!sleepUntil(clock, next, config.control)) {
      cancelled = true;
      break;
    }
    startWindowIfDue();
    if (next != tick && next != endUs) {
      tick -= intervalUs;  // that was the window's tick: the grid goes on
      continue;
    }
    result.timeline.push_back(sampler.sample());
    if (next >= endUs) break;
  }
  const Snapshot end = snapshot(pair, clock);
  result.finalRssKb = residentKb();
  result.completed = !cancelled;
  // Let the frames captured up to the window's end reach the screen.
  std::this_thread::sleep_for(std::chrono::milliseconds(cancelled ? 150 : 600));
  pair.stop();
  const network::SimulatedNetwork::Stats linkAB = pair.transportB().inboundStats();
  const network::SimulatedNetwork::Stats linkBA = pair.transportA().inboundStats();

  const double windowSeconds = static_cast<double>(end.atUs - base.atUs) / 1e6;
  result.elapsedSeconds = static_cast<double>(end.atUs - startUs) / 1e6;
  result.measuredSeconds = windowSeconds;
  const double limitMs = freezeLimitMs(config);
  analyseVideo(pair.forward().capture.captureTimes(), pair.forward().stamps.events(), startUs,
               base.atUs, end.atUs, limitMs, result.video);
  fillVideoCounters(base.a, end.a, base.b, end.b, windowSeconds, result.video);
  result.video.codec = pair.forward().codec.summary();
  if (config.peerSendsVideo) {
    analyseVideo(pair.reverse().capture.captureTimes(), pair.reverse().stamps.events(), startUs,
                 base.atUs, end.atUs, limitMs, result.reverse);
    fillVideoCounters(base.b, end.b, base.a, end.a, windowSeconds, result.reverse);
    result.reverse.codec = pair.reverse().codec.summary();
  }
  const double fromSeconds = static_cast<double>(base.atUs - startUs) / 1e6;
  fillTimelineFigures(config, fromSeconds, result);
  analyseRate(config, result);
  fillAudioAndSession(base.a, end.a, base.b, end.b, windowSeconds, result);
  result.linkPacketsSent = linkAB.sent;
  result.linkPacketsLost = linkAB.lost;
  result.reverseLinkPacketsSent = linkBA.sent;
  result.reverseLinkPacketsLost = linkBA.lost;
  result.bottleneckQueueDrops = linkAB.queueDrops;
  result.linkMaxQueueDelayMs = static_cast<double>(linkAB.maxQueueDelayUs) / 1000.0;
  result.cpuSeconds = static_cast<double>(end.cpuUs - base.cpuUs) / 1e6;
  result.cpuSecondsPerMediaSecond = windowSeconds > 0 ? result.cpuSeconds / windowSeconds : 0;
  result.cpuPercent = 100.0 * result.cpuSecondsPerMediaSecond;
  result.peakRssKb = std::max(result.startRssKb, result.finalRssKb);
  for (const CallRateSample& sample : result.timeline) {
    result.peakRssKb = std::max(result.peakRssKb, sample.rssKb);
  }
  result.loadAverage = loadAverage();
}

}  // namespace

double freezeLimitMs(const CallHarnessConfig& config) {
  return std::max(static_cast<double>(config.freezeThresholdMs),
                  3000.0 / static_cast<double>(std::max(1, config.fps)));
}

CallHarnessResult runCallPipeline(const CallHarnessConfig& config) {
  CallHarnessResult result;
  result.label = config.label;
  result.config = config;
  if (config.seconds <= config.warmupSeconds) {
    result.error = "the run must be longer than its warm-up";
    return result;
  }
  try {
    run(config, result);
  } catch (const std::exception& e) {
    result.error = e.what();
    result.completed = false;
  }
  return result;
}

}  // namespace parley::bench
