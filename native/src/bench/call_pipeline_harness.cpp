#include "bench/call_pipeline_harness.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "bench/cpu_usage.h"
#include "bench/percentiles.h"
#include "call/call_media_pipeline.h"
#include "capture/frame_stamp.h"
#include "common/clock.h"
#include "network/simulated_transport.h"
#include "render/video_renderer.h"
#include "srtp/sdes_crypto_attribute.h"

namespace parley::bench {
namespace {

// Both calls' SSRCs are fixed so each side knows the other's up front.
struct Ssrcs {
  uint32_t audio;
  uint32_t video;
  uint32_t rtx;
};
constexpr Ssrcs kSideA{0xA0000001, 0xA0000002, 0xA0000003};
constexpr Ssrcs kSideB{0xB0000001, 0xB0000002, 0xB0000003};

// Stops accepting entries past this many (a 20 s run at 30 fps uses 600).
constexpr size_t kMaxLogEntries = 1 << 20;

// What the harness's two renderers share: they draw nothing, only record;
// the mode is kept for the interface's sake, the stats under the mutex.
class RecordingRenderer : public render::VideoRenderer {
 public:
  void setMode(render::RenderMode mode) override { mode_ = mode; }
  render::RenderMode mode() const override { return mode_; }
  render::RenderStats stats() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
  }
  void resetEvents() override {}

 protected:
  mutable std::mutex mutex_;
  render::RenderStats stats_;  // under mutex_

 private:
  render::RenderMode mode_ = render::RenderMode::kFullContent;
};

// Side A's self view: records when each frame was captured (the frame's own
// captureTimeUs, microseconds) by its sequence, which the stamp carries.
class CaptureLog final : public RecordingRenderer {
 public:
  void render(const video::VideoFrame& frame) override {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto sequence = static_cast<size_t>(std::max<int64_t>(0, frame.sourceSequence));
    if (sequence >= kMaxLogEntries) return;
    if (captureUs_.size() <= sequence) captureUs_.resize(sequence + 1, -1);
    captureUs_[sequence] = frame.captureTimeUs;
    ++stats_.framesRendered;
  }

  // Capture time of every sequence seen so far (-1: not seen).
  std::vector<int64_t> captureTimes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return captureUs_;
  }

 private:
  std::vector<int64_t> captureUs_;
};

// One picture B drew: when, and the stamp it carried (-1: unreadable).
struct RenderEvent {
  int64_t renderedUs = 0;
  int64_t sequence = -1;
  int64_t stampCaptureUs = 0;  // the stamp's capture time (ms resolution)
};

// Side B's remote view: reads the frame stamp out of each decoded picture.
class StampReader final : public RecordingRenderer {
 public:
  explicit StampReader(const Clock& clock) : clock_(clock) {}

  void render(const video::VideoFrame& frame) override {
    RenderEvent event;
    event.renderedUs = clock_.nowUs();
    const std::optional<capture::FrameStampValue> stamp = capture::FrameStamp::read(frame);
    if (stamp) {
      event.sequence = stamp->sequence;
      event.stampCaptureUs = static_cast<int64_t>(stamp->captureTimeMs) * 1000;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.framesRendered;
    stats_.videoWidth = frame.width;
    stats_.videoHeight = frame.height;
    if (events_.size() < kMaxLogEntries) events_.push_back(event);
  }

  std::vector<RenderEvent> events() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
  }

  // Mean latency (from the stamps) of the frames drawn since the last call; -1: none.
  double takeIntervalLatencyMs() {
    std::lock_guard<std::mutex> lock(mutex_);
    double sum = 0;
    size_t count = 0;
    for (; intervalStart_ < events_.size(); ++intervalStart_) {
      const RenderEvent& event = events_[intervalStart_];
      if (event.sequence < 0) continue;
      sum += static_cast<double>(event.renderedUs - event.stampCaptureUs) / 1000.0;
      ++count;
    }
    return count ? sum / static_cast<double>(count) : -1;
  }

 private:
  const Clock& clock_;
  std::vector<RenderEvent> events_;
  size_t intervalStart_ = 0;
};

// Device and capture trouble would make the figures meaningless: say so.
class ReportingListener final : public call::CallMediaPipeline::Listener {
 public:
  explicit ReportingListener(const char* side) : side_(side) {}
  void onCallMediaTimeout() override { std::fprintf(stderr, "[%s] media timeout\n", side_); }
  void onCallMediaAudioDeviceError(const std::string& reason) override {
    std::fprintf(stderr, "[%s] audio device: %s\n", side_, reason.c_str());
  }
  void onCallMediaCaptureError(const std::string& reason) override {
    std::fprintf(stderr, "[%s] camera: %s\n", side_, reason.c_str());
  }

 private:
  const char* side_;
};

network::SimulatedNetwork::Config linkConfig(const CallHarnessConfig& config, uint64_t seed) {
  network::SimulatedNetwork::Config link;
  link.seed = seed;
  link.lossRate = config.lossRate;
  link.delayUs = int64_t{config.delayMs} * 1000;
  link.jitterUs = int64_t{config.jitterMs} * 1000;
  link.bandwidthBps = int64_t{config.capKbps} * 1000;
  link.queueLimitBytes = config.queueLimitBytes;
  link.perPacketOverheadBytes = config.perPacketOverheadBytes;
  return link;
}

call::CallMediaConfig callConfig(const CallHarnessConfig& config, const Ssrcs& local,
                                 const Ssrcs& remote) {
  call::CallMediaConfig call;
  call.session.allowPlainRtp = !config.srtp;
  call.session.sendRate.minBitrateBps = static_cast<uint64_t>(config.minKbps) * 1000;
  call.session.sendRate.maxBitrateBps = static_cast<uint64_t>(config.maxKbps) * 1000;
  call.session.sendRate.startBitrateBps = static_cast<uint64_t>(config.startKbps) * 1000;
  call.session.sessionBandwidthBps = static_cast<double>(config.maxKbps) * 1000;
  call.audioSsrc = local.audio;
  call.videoSsrc = local.video;
  call.videoRtxSsrc = local.rtx;
  call.remoteAudioSsrc = remote.audio;
  call.remoteVideoSsrc = remote.video;
  call.remoteVideoRtxSsrc = remote.rtx;
  call.microphone = audio::AudioInputSpec::tone(440);
  call.speaker = audio::AudioOutputSpec::null();
  call.camera.kind = kSourceTestPattern;
  call.camera.width = config.width;
  call.camera.height = config.height;
  call.camera.fps = config.fps;
  call.videoSend.encoder.width = config.width;
  call.videoSend.encoder.height = config.height;
  call.videoSend.encoder.fps = config.fps;
  call.videoSend.encoder.bitrateKbps = config.startKbps;
  return call;
}

const transport::MediaStreamStats* findStream(const std::vector<transport::MediaStreamStats>& streams,
                                              transport::MediaKind kind) {
  for (const transport::MediaStreamStats& stream : streams) {
    if (stream.kind == kind) return &stream;
  }
  return nullptr;
}

// Other work on the machine steals the pipelines' threads: worth knowing
// next to the figures (Linux; -1 elsewhere).
double loadAverage() {
  std::ifstream file("/proc/loadavg");
  double load = -1;
  if (!(file >> load)) return -1;
  return load;
}

double meanMs(int64_t totalUs, int64_t count) {
  return count > 0 ? static_cast<double>(totalUs) / 1000.0 / static_cast<double>(count) : 0;
}

// Frames, freezes and latency over [windowStartUs, windowEndUs).
void analyseVideo(const std::vector<int64_t>& captureUs, const std::vector<RenderEvent>& renders,
                  int64_t windowStartUs, int64_t windowEndUs, const CallHarnessConfig& config,
                  CallHarnessResult& result) {
  for (int64_t us : captureUs) {
    if (us >= windowStartUs && us < windowEndUs) ++result.framesCaptured;
  }
  std::vector<bool> seen(captureUs.size(), false);
  Percentiles latency;
  int64_t lastSequence = -1;
  int64_t previousRenderUs = windowStartUs;  // a stall at the start counts from the window's start
  const double thresholdMs = config.freezeThresholdMs;
  const int64_t startUs = windowStartUs - static_cast<int64_t>(config.warmupSeconds * 1e6);
  auto gap = [&](int64_t fromUs, int64_t toUs, int64_t sequence) {
    const double gapMs = static_cast<double>(toUs - fromUs) / 1000.0;
    result.maxGapMs = std::max(result.maxGapMs, gapMs);
    if (gapMs > thresholdMs) {
      ++result.freezes;
      result.frozenMs += gapMs;
      result.freezeList.push_back(
          CallFreeze{static_cast<double>(toUs - startUs) / 1e6, gapMs, sequence});
    }
  };
  for (const RenderEvent& event : renders) {
    const bool inWindow = event.renderedUs >= windowStartUs && event.renderedUs < windowEndUs;
    const auto index = static_cast<size_t>(event.sequence);
    const bool repeated = event.sequence >= 0 && index < seen.size() && seen[index];
    if (event.sequence >= 0 && index < seen.size()) seen[index] = true;
    if (!inWindow) continue;
    ++result.framesRendered;
    gap(previousRenderUs, event.renderedUs, event.sequence);
    previousRenderUs = event.renderedUs;
    if (event.sequence < 0) {
      ++result.stampsUnreadable;
      continue;
    }
    if (repeated) {
      ++result.framesRepeated;
      continue;
    }
    if (event.sequence < lastSequence) ++result.framesOutOfOrder;
    lastSequence = std::max(lastSequence, event.sequence);
    ++result.framesUnique;
    // The self view's microsecond capture time when it has the frame, else the stamp's.
    const int64_t capturedUs =
        index < captureUs.size() && captureUs[index] >= 0 ? captureUs[index] : event.stampCaptureUs;
    latency.add(static_cast<double>(event.renderedUs - capturedUs) / 1000.0);
  }
  gap(previousRenderUs, windowEndUs, -1);
  for (size_t i = 0; i < captureUs.size(); ++i) {
    if (captureUs[i] >= windowStartUs && captureUs[i] < windowEndUs && !seen[i]) {
      ++result.framesMissing;
    }
  }
  const double windowSeconds = static_cast<double>(windowEndUs - windowStartUs) / 1e6;
  result.measuredSeconds = windowSeconds;
  result.renderedFps = windowSeconds > 0 ? static_cast<double>(result.framesUnique) / windowSeconds : 0;
  result.frozenShare = windowSeconds > 0 ? result.frozenMs / 1000.0 / windowSeconds : 0;
  result.latencyP50Ms = latency.percentile(50);
  result.latencyP95Ms = latency.percentile(95);
  result.latencyP99Ms = latency.percentile(99);
  result.latencyMaxMs = latency.max();
}

// Settle times, offered load and queueing from the timeline.
void analyseRate(const CallHarnessConfig& config, CallHarnessResult& result) {
  const std::vector<CallRateSample>& timeline = result.timeline;
  if (timeline.empty()) return;
  result.finalTargetKbps = timeline.back().targetKbps;
  const double cap = config.capKbps;
  // The first sample after which a series stays below the cap; -1: it ends above.
  auto settle = [&](auto value) -> double {
    if (cap <= 0) return 0;
    double settled = 0;
    for (size_t i = 0; i < timeline.size(); ++i) {
      if (value(i) >= cap) settled = i + 1 < timeline.size() ? timeline[i + 1].seconds : -1;
    }
    return settled;
  };
  result.settleSeconds = settle([&](size_t i) { return timeline[i].targetKbps; });
  const size_t perSecond = static_cast<size_t>(std::max(1, 1000 / config.pollIntervalMs));
  result.offeredSettleSeconds = settle([&](size_t i) {
    const size_t first = i + 1 >= perSecond ? i + 1 - perSecond : 0;
    double sum = 0;
    for (size_t j = first; j <= i; ++j) sum += timeline[j].offeredKbps;
    return sum / static_cast<double>(i + 1 - first);
  });

  // The queue drains after the target settled: when did it stay under 100 ms?
  result.queueDrainSeconds = settle([&](size_t i) {
    return timeline[i].bottleneckDelayMs >= 100.0 ? cap : 0.0;
  });
  // Steady state: after the settle allowance with a cap, else after warm-up.
  const double from =
      cap > 0 ? std::max(config.warmupSeconds, kSettleAllowanceSeconds) : config.warmupSeconds;
  Percentiles pacer;
  Percentiles bottleneck;
  double targetSum = 0;
  double offeredSum = 0;
  size_t targetCount = 0;
  size_t offeredCount = 0;
  for (const CallRateSample& sample : timeline) {
    if (sample.seconds >= config.warmupSeconds) {
      pacer.add(sample.pacerDelayMs);
      offeredSum += sample.offeredKbps;
      ++offeredCount;
    }
    if (sample.seconds < from) continue;
    targetSum += sample.targetKbps;
    ++targetCount;
    if (sample.bottleneckDelayMs >= 0) bottleneck.add(sample.bottleneckDelayMs);
  }
  result.meanTargetKbpsAfterSettle = targetCount ? targetSum / static_cast<double>(targetCount) : 0;
  result.offeredKbps = offeredCount ? offeredSum / static_cast<double>(offeredCount) : 0;
  result.pacerDelayP95Ms = pacer.percentile(95);
  result.pacerDelayMaxMs = pacer.max();
  result.bottleneckDelayMeanMs = bottleneck.mean();
  result.bottleneckDelayP95Ms = bottleneck.percentile(95);
  result.bottleneckDelayMaxMs = bottleneck.max();
}

void collectStats(const call::CallMediaStats& a, const call::CallMediaStats& b,
                  CallHarnessResult& result) {
  if (const auto* send = findStream(a.session.send, transport::MediaKind::kVideo)) {
    result.videoRetransmitted = send->retransmitted;
    result.nackMisses = send->nackMisses;
    result.resendsSuppressed = send->resendsSuppressed;
  }
  if (const auto* receive = findStream(b.session.receive, transport::MediaKind::kVideo)) {
    result.videoPacketsLost = receive->packetsLost;
    result.nacksSent = receive->nacksSent;
    result.plisSent = receive->plisSent;
  }
  result.keyframes = static_cast<uint64_t>(a.videoSend.keyframes);
  result.rttMs = a.session.rttMs;
  result.encoderFramesDropped = a.videoSend.framesDropped;
  result.encodeMeanMs = meanMs(a.videoSend.totalEncodeUs, a.videoSend.framesEncoded);
  result.decodeMeanMs = meanMs(b.videoReceive.totalDecodeUs, b.videoReceive.framesDecoded);
  const jitter::VideoJitterBuffer::Stats& video = b.videoReceive.jitter;
  result.videoJitterBufferDelayMs = video.currentDelayMs;
  result.videoJitterMs = video.jitterMs;
  result.videoFramesLate = video.framesLate;
  result.videoFramesDropped = video.framesDropped;
  result.videoPacketsRecovered = video.packetsRecovered;
  result.videoDecodeErrors = b.videoReceive.decodeErrors;

  const audio::AudioJitterBuffer::Stats& audio = b.audioReceive.jitter;
  result.audioPlayedMs = audio.playedMs;
  result.audioConcealedMs = audio.concealedMs;
  result.audioConcealedShare =
      audio.playedMs > 0 ? static_cast<double>(audio.concealedMs) / static_cast<double>(audio.playedMs) : 0;
  result.audioFecRecoveredMs = audio.fecRecoveredMs;
  result.audioFecRecovered = audio.fecRecovered;
  result.audioPacketsLost = audio.packetsLost;
  result.audioPacketsLate = audio.packetsLate;
  result.audioDelayMs = audio.currentDelayMs;
  result.audioJitterMs = audio.jitterMs;
  result.audioAcceleratedMs = audio.acceleratedMs;
  result.audioDeceleratedMs = audio.deceleratedMs;
  result.audioEncodeMeanMs = meanMs(a.audioSend.totalEncodeUs, a.audioSend.framesEncoded);
  result.audioExpectedLossPercent = a.audioSend.expectedLossPercent;
  result.lipSyncKnown = b.lipSyncOffsetMs.has_value();
  result.lipSyncOffsetMs = b.lipSyncOffsetMs.value_or(0);
  result.lipSyncVideoDelayMs = b.lipSyncVideoDelayMs;
  result.srtpAuthFailures = a.session.srtpAuthFailures + b.session.srtpAuthFailures;
}

bool generateKeys(const CallHarnessConfig& config, call::CallMediaConfig& a, call::CallMediaConfig& b) {
  if (!config.srtp) return true;
  srtp::SrtpMasterKey keyA;
  srtp::SrtpMasterKey keyB;
  if (!srtp::generateSrtpMasterKey(srtp::CryptoSuite::kAesCm128HmacSha1_80, &keyA) ||
      !srtp::generateSrtpMasterKey(srtp::CryptoSuite::kAesCm128HmacSha1_80, &keyB)) {
    return false;
  }
  a.session.localKey = keyA;
  a.session.remoteKey = keyB;
  b.session.localKey = keyB;
  b.session.remoteKey = keyA;
  return true;
}

void run(const CallHarnessConfig& config, CallHarnessResult& result) {
  SystemClock& clock = SystemClock::instance();
  call::CallMediaConfig configA = callConfig(config, kSideA, kSideB);
  call::CallMediaConfig configB = callConfig(config, kSideB, kSideA);
  if (!generateKeys(config, configA, configB)) {
    result.error = "no SRTP keys: the kernel gave no random bytes";
    return;
  }
  if (config.adjust) {
    config.adjust('A', configA);
    config.adjust('B', configB);
  }
  // Each end's config describes its INBOUND link: B's carries A's media.
  network::SimulatedTransport transportA(linkConfig(config, config.seed * 2 + 1), clock,
                                         network::SocketAddress::ipv4Loopback(40000));
  network::SimulatedTransport transportB(linkConfig(config, config.seed * 2), clock,
                                         network::SocketAddress::ipv4Loopback(40002));
  network::SimulatedTransport::connect(transportA, transportB);
  CaptureLog captureLog;
  StampReader stampReader(clock);
  ReportingListener listenerA("A");
  ReportingListener listenerB("B");
  call::CallMediaPipeline a(configA, transportA, clock, listenerA);
  call::CallMediaPipeline b(configB, transportB, clock, listenerB);
  a.setLocalRenderer(&captureLog);
  b.setRemoteRenderer(&stampReader);
  if (!config.peerSendsVideo) b.setVideoSending(false);

  const int64_t cpuStartUs = processCpuUs();
  std::string error;
  if (!b.start(&error)) {
    result.error = "side B: " + error;
    return;
  }
  const int64_t startUs = clock.nowUs();
  if (!a.start(&error)) {
    b.stop();
    result.error = "side A: " + error;
    return;
  }

  // Sample A's rate control and the A->B bottleneck on a fixed grid.
  const int64_t intervalUs = int64_t{std::max(10, config.pollIntervalMs)} * 1000;
  const auto endUs = startUs + static_cast<int64_t>(config.seconds * 1e6);
  const auto overhead = static_cast<uint64_t>(config.perPacketOverheadBytes);
  network::SimulatedNetwork::Stats lastLink = transportB.inboundStats();
  int64_t lastUs = startUs;
  for (int64_t tick = startUs + intervalUs; tick <= endUs; tick += intervalUs) {
    std::this_thread::sleep_for(std::chrono::microseconds(std::max<int64_t>(0, tick - clock.nowUs())));
    const int64_t nowUs = clock.nowUs();
    const call::CallMediaStats stats = a.stats();
    const network::SimulatedNetwork::Stats link = transportB.inboundStats();
    CallRateSample sample;
    sample.seconds = static_cast<double>(nowUs - startUs) / 1e6;
    sample.targetKbps = static_cast<double>(stats.session.targetBitrateBps) / 1000.0;
    sample.videoTargetKbps = static_cast<double>(stats.session.videoTargetBps) / 1000.0;
    sample.pacerDelayMs = static_cast<double>(stats.session.pacerQueueDelayMs);
    sample.rembKbps = static_cast<double>(stats.session.rembReceivedBps) / 1000.0;
    if (const auto* video = findStream(stats.session.send, transport::MediaKind::kVideo)) {
      sample.reportedLossPercent = video->fractionLost * 100.0;
    }
    sample.opusLossPercent = stats.audioSend.expectedLossPercent;
    sample.latencyMs = stampReader.takeIntervalLatencyMs();
    const call::CallMediaStats statsB = b.stats();
    sample.videoDelayMs = statsB.videoReceive.jitter.currentDelayMs;
    sample.audioDelayMs = statsB.audioReceive.jitter.currentDelayMs;
    const uint64_t bytes = (link.bytesSent + overhead * link.sent) -
                           (lastLink.bytesSent + overhead * lastLink.sent);
    const double dtSeconds = static_cast<double>(std::max<int64_t>(1, nowUs - lastUs)) / 1e6;
    sample.offeredKbps = static_cast<double>(bytes) * 8.0 / 1000.0 / dtSeconds;
    const uint64_t queued = link.queuedPackets - lastLink.queuedPackets;
    sample.bottleneckDelayMs =
        queued > 0 ? static_cast<double>(link.totalQueueDelayUs - lastLink.totalQueueDelayUs) /
                         1000.0 / static_cast<double>(queued)
                   : -1;
    result.timeline.push_back(sample);
    lastLink = link;
    lastUs = nowUs;
  }
  const int64_t windowEndUs = clock.nowUs();
  // Let the frames captured up to the window's end reach the screen.
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  const call::CallMediaStats statsA = a.stats();
  const call::CallMediaStats statsB = b.stats();
  const network::SimulatedNetwork::Stats linkAB = transportB.inboundStats();
  a.stop();
  b.stop();
  transportA.stop();
  transportB.stop();
  const int64_t wallUs = clock.nowUs() - startUs;

  analyseVideo(captureLog.captureTimes(), stampReader.events(),
               startUs + static_cast<int64_t>(config.warmupSeconds * 1e6), windowEndUs, config,
               result);
  analyseRate(config, result);
  collectStats(statsA, statsB, result);
  result.linkPacketsSent = linkAB.sent;
  result.linkPacketsLost = linkAB.lost;
  result.bottleneckQueueDrops = linkAB.queueDrops;
  result.linkMaxQueueDelayMs = static_cast<double>(linkAB.maxQueueDelayUs) / 1000.0;
  result.cpuPercent = 100.0 * static_cast<double>(processCpuUs() - cpuStartUs) /
                      static_cast<double>(std::max<int64_t>(1, wallUs));
  result.peakRssKb = peakResidentKb();
  result.loadAverage = loadAverage();
}

// Quotes, backslashes and control characters out of a JSON string value.
std::string jsonEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

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
  }
  return result;
}

std::string toJson(const CallHarnessResult& r) {
  const CallHarnessConfig& c = r.config;
  char buffer[8192];
  std::snprintf(
      buffer, sizeof buffer,
      "{\"label\":\"%s\",\"error\":\"%s\",\"width\":%d,\"height\":%d,\"fps\":%d,\"seconds\":%.1f,"
      "\"warmupSeconds\":%.1f,\"seed\":%llu,\"loss\":%.4f,\"delayMs\":%d,\"jitterMs\":%d,"
      "\"capKbps\":%d,\"queueLimitBytes\":%zu,\"startKbps\":%d,\"minKbps\":%d,\"maxKbps\":%d,"
      "\"srtp\":%s,\"peerSendsVideo\":%s,\"measuredSeconds\":%.2f,"
      "\"framesCaptured\":%lld,\"framesRendered\":%lld,\"framesUnique\":%lld,\"framesMissing\":%lld,"
      "\"framesRepeated\":%lld,\"framesOutOfOrder\":%lld,\"stampsUnreadable\":%lld,"
      "\"renderedFps\":%.2f,\"freezes\":%lld,\"frozenMs\":%.1f,\"frozenShare\":%.4f,\"maxGapMs\":%.1f,"
      "\"latencyP50Ms\":%.1f,\"latencyP95Ms\":%.1f,\"latencyP99Ms\":%.1f,\"latencyMaxMs\":%.1f,"
      "\"settleSeconds\":%.2f,\"queueDrainSeconds\":%.2f,\"offeredSettleSeconds\":%.2f,\"finalTargetKbps\":%.0f,"
      "\"meanTargetKbpsAfterSettle\":%.0f,\"offeredKbps\":%.0f,\"pacerDelayP95Ms\":%.1f,"
      "\"pacerDelayMaxMs\":%.1f,\"bottleneckDelayMeanMs\":%.1f,\"bottleneckDelayP95Ms\":%.1f,"
      "\"bottleneckDelayMaxMs\":%.1f,\"linkMaxQueueDelayMs\":%.1f,\"bottleneckQueueDrops\":%llu,"
      "\"linkPacketsSent\":%llu,\"linkPacketsLost\":%llu,\"videoPacketsLost\":%lld,"
      "\"videoRetransmitted\":%llu,\"nacksSent\":%llu,\"nackMisses\":%llu,\"resendsSuppressed\":%llu,\"plisSent\":%llu,"
      "\"keyframes\":%llu,\"rttMs\":%lld,\"videoJitterBufferDelayMs\":%d,\"videoJitterMs\":%d,"
      "\"videoFramesLate\":%llu,\"videoFramesDropped\":%llu,\"videoPacketsRecovered\":%llu,"
      "\"videoDecodeErrors\":%lld,\"encoderFramesDropped\":%lld,\"encodeMeanMs\":%.2f,"
      "\"decodeMeanMs\":%.2f,\"audioPlayedMs\":%lld,\"audioConcealedMs\":%lld,"
      "\"audioConcealedShare\":%.4f,\"audioFecRecoveredMs\":%lld,\"audioFecRecovered\":%llu,"
      "\"audioPacketsLost\":%llu,\"audioPacketsLate\":%llu,\"audioDelayMs\":%d,\"audioJitterMs\":%d,"
      "\"audioAcceleratedMs\":%lld,\"audioDeceleratedMs\":%lld,\"audioEncodeMeanMs\":%.3f,"
      "\"audioExpectedLossPercent\":%d,\"lipSyncKnown\":%s,\"lipSyncOffsetMs\":%d,"
      "\"lipSyncVideoDelayMs\":%d,\"cpuPercent\":%.1f,\"peakRssKb\":%lld,\"loadAverage\":%.2f,\"srtpAuthFailures\":%llu}",
      jsonEscaped(r.label).c_str(), jsonEscaped(r.error).c_str(), c.width, c.height, c.fps, c.seconds, c.warmupSeconds,
      static_cast<unsigned long long>(c.seed), c.lossRate, c.delayMs, c.jitterMs, c.capKbps,
      c.queueLimitBytes, c.startKbps, c.minKbps, c.maxKbps, c.srtp ? "true" : "false",
      c.peerSendsVideo ? "true" : "false", r.measuredSeconds,
      static_cast<long long>(r.framesCaptured), static_cast<long long>(r.framesRendered),
      static_cast<long long>(r.framesUnique), static_cast<long long>(r.framesMissing),
      static_cast<long long>(r.framesRepeated), static_cast<long long>(r.framesOutOfOrder),
      static_cast<long long>(r.stampsUnreadable), r.renderedFps, static_cast<long long>(r.freezes),
      r.frozenMs, r.frozenShare, r.maxGapMs, r.latencyP50Ms, r.latencyP95Ms, r.latencyP99Ms,
      r.latencyMaxMs, r.settleSeconds, r.queueDrainSeconds, r.offeredSettleSeconds, r.finalTargetKbps,
      r.meanTargetKbpsAfterSettle, r.offeredKbps, r.pacerDelayP95Ms, r.pacerDelayMaxMs,
      r.bottleneckDelayMeanMs, r.bottleneckDelayP95Ms, r.bottleneckDelayMaxMs, r.linkMaxQueueDelayMs,
      static_cast<unsigned long long>(r.bottleneckQueueDrops),
      static_cast<unsigned long long>(r.linkPacketsSent),
      static_cast<unsigned long long>(r.linkPacketsLost), static_cast<long long>(r.videoPacketsLost),
      static_cast<unsigned long long>(r.videoRetransmitted),
      static_cast<unsigned long long>(r.nacksSent), static_cast<unsigned long long>(r.nackMisses),
      static_cast<unsigned long long>(r.resendsSuppressed),
      static_cast<unsigned long long>(r.plisSent), static_cast<unsigned long long>(r.keyframes),
      static_cast<long long>(r.rttMs), r.videoJitterBufferDelayMs, r.videoJitterMs,
      static_cast<unsigned long long>(r.videoFramesLate),
      static_cast<unsigned long long>(r.videoFramesDropped),
      static_cast<unsigned long long>(r.videoPacketsRecovered),
      static_cast<long long>(r.videoDecodeErrors), static_cast<long long>(r.encoderFramesDropped),
      r.encodeMeanMs, r.decodeMeanMs, static_cast<long long>(r.audioPlayedMs),
      static_cast<long long>(r.audioConcealedMs), r.audioConcealedShare,
      static_cast<long long>(r.audioFecRecoveredMs),
      static_cast<unsigned long long>(r.audioFecRecovered),
      static_cast<unsigned long long>(r.audioPacketsLost),
      static_cast<unsigned long long>(r.audioPacketsLate), r.audioDelayMs, r.audioJitterMs,
      static_cast<long long>(r.audioAcceleratedMs), static_cast<long long>(r.audioDeceleratedMs),
      r.audioEncodeMeanMs, r.audioExpectedLossPercent, r.lipSyncKnown ? "true" : "false",
      r.lipSyncOffsetMs, r.lipSyncVideoDelayMs, r.cpuPercent, static_cast<long long>(r.peakRssKb), r.loadAverage,
      static_cast<unsigned long long>(r.srtpAuthFailures));
  return buffer;
}

}  // namespace parley::bench
