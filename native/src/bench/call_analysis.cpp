#include "bench/call_analysis.h"

#include <algorithm>

#include "bench/percentiles.h"

namespace parley::bench {
namespace {

int64_t diff(uint64_t end, uint64_t start) {
  return end >= start ? static_cast<int64_t>(end - start) : 0;
}

int64_t diff(int64_t end, int64_t start) { return std::max<int64_t>(0, end - start); }

// The stream of a kind, or an all-zero one when there is none.
transport::MediaStreamStats streamOf(const std::vector<transport::MediaStreamStats>& streams,
                                     transport::MediaKind kind) {
  const transport::MediaStreamStats* found = findStream(streams, kind);
  return found != nullptr ? *found : transport::MediaStreamStats{};
}

double kbps(int64_t bytes, double seconds) {
  return seconds > 0 ? static_cast<double>(bytes) * 8.0 / 1000.0 / seconds : 0;
}

}  // namespace

const transport::MediaStreamStats* findStream(const std::vector<transport::MediaStreamStats>& streams,
                                              transport::MediaKind kind) {
  for (const transport::MediaStreamStats& stream : streams) {
    if (stream.kind == kind) return &stream;
  }
  return nullptr;
}

void fillVideoCounters(const call::CallMediaStats& s0, const call::CallMediaStats& s1,
                       const call::CallMediaStats& r0, const call::CallMediaStats& r1,
                       double windowSeconds, VideoFigures& f) {
  f.framesEncoded = diff(s1.videoSend.framesEncoded, s0.videoSend.framesEncoded);
  f.framesSent = f.framesEncoded;  // every encoded frame is packetized and sent
  f.keyframes = diff(s1.videoSend.keyframes, s0.videoSend.keyframes);
  f.encoderFramesDropped = diff(s1.videoSend.framesDropped, s0.videoSend.framesDropped);
  f.bitrateKbps = kbps(diff(s1.videoSend.bytesSent, s0.videoSend.bytesSent), windowSeconds);
  const auto send0 = streamOf(s0.session.send, transport::MediaKind::kVideo);
  const auto send1 = streamOf(s1.session.send, transport::MediaKind::kVideo);
  f.retransmissions = diff(send1.retransmitted, send0.retransmitted);
  f.nackMisses = diff(send1.nackMisses, send0.nackMisses);
  f.resendsSuppressed = diff(send1.resendsSuppressed, send0.resendsSuppressed);
  const auto receive0 = streamOf(r0.session.receive, transport::MediaKind::kVideo);
  const auto receive1 = streamOf(r1.session.receive, transport::MediaKind::kVideo);
  f.nacksSent = diff(receive1.nacksSent, receive0.nacksSent);
  f.plisSent = diff(receive1.plisSent, receive0.plisSent);
  f.packetsLost = diff(receive1.packetsLost, receive0.packetsLost);
  const jitter::VideoJitterBuffer::Stats& j0 = r0.videoReceive.jitter;
  const jitter::VideoJitterBuffer::Stats& j1 = r1.videoReceive.jitter;
  f.framesReceived = diff(j1.framesComplete, j0.framesComplete);
  f.framesDropped = diff(j1.framesDropped, j0.framesDropped);
  f.framesLate = diff(j1.framesLate, j0.framesLate);
  f.packetsRecovered = diff(j1.packetsRecovered, j0.packetsRecovered);
  f.decodeErrors = diff(r1.videoReceive.decodeErrors, r0.videoReceive.decodeErrors);
  f.jitterMs = j1.jitterMs;
}

void fillAudioAndSession(const call::CallMediaStats& a0, const call::CallMediaStats& a1,
                         const call::CallMediaStats& b0, const call::CallMediaStats& b1,
                         double windowSeconds, CallHarnessResult& r) {
  const audio::AudioJitterBuffer::Stats& j0 = b0.audioReceive.jitter;
  const audio::AudioJitterBuffer::Stats& j1 = b1.audioReceive.jitter;
  r.audioPlayedMs = diff(j1.playedMs, j0.playedMs);
  r.audioConcealedMs = diff(j1.concealedMs, j0.concealedMs);
  r.audioConcealedShare = r.audioPlayedMs > 0 ? static_cast<double>(r.audioConcealedMs) /
                                                    static_cast<double>(r.audioPlayedMs)
                                              : 0;
  r.audioFecRecoveredMs = diff(j1.fecRecoveredMs, j0.fecRecoveredMs);
  r.audioFecRecovered = static_cast<uint64_t>(diff(j1.fecRecovered, j0.fecRecovered));
  r.audioPacketsLost = static_cast<uint64_t>(diff(j1.packetsLost, j0.packetsLost));
  r.audioPacketsLate = static_cast<uint64_t>(diff(j1.packetsLate, j0.packetsLate));
  r.audioJitterMs = j1.jitterMs;
  r.audioAcceleratedMs = diff(j1.acceleratedMs, j0.acceleratedMs);
  r.audioDeceleratedMs = diff(j1.deceleratedMs, j0.deceleratedMs);
  r.audioBitrateKbps = kbps(diff(a1.audioSend.bytesSent, a0.audioSend.bytesSent), windowSeconds);
  const int64_t opusFrames = diff(a1.audioSend.framesEncoded, a0.audioSend.framesEncoded);
  r.audioEncodeMeanMs =
      opusFrames > 0 ? static_cast<double>(diff(a1.audioSend.totalEncodeUs, a0.audioSend.totalEncodeUs)) /
                           1000.0 / static_cast<double>(opusFrames)
                     : 0;
  r.audioExpectedLossPercent = a1.audioSend.expectedLossPercent;
  r.lipSyncKnown = b1.lipSyncOffsetMs.has_value();
  r.lipSyncOffsetMs = b1.lipSyncOffsetMs.value_or(0);
  r.lipSyncVideoDelayMs = b1.lipSyncVideoDelayMs;
  r.rttMs = a1.session.rttMs;
  r.srtpAuthFailures = a1.session.srtpAuthFailures + b1.session.srtpAuthFailures;
}

void fillTimelineFigures(const CallHarnessConfig& config, double fromSeconds, CallHarnessResult& r) {
  Percentiles audio;
  double videoSum = 0;
  double reverseSum = 0;
  size_t count = 0;
  for (const CallRateSample& s : r.timeline) {
    if (s.seconds < fromSeconds) continue;
    audio.add(s.audioDelayMs);
    videoSum += s.videoDelayMs;
    reverseSum += s.reverseVideoDelayMs;
    ++count;
  }
  if (count == 0) return;
  r.video.jitterBufferDelayMs = videoSum / static_cast<double>(count);
  if (config.peerSendsVideo) r.reverse.jitterBufferDelayMs = reverseSum / static_cast<double>(count);
  if (config.audio) {
    r.audioDelayMeanMs = audio.mean();
    r.audioDelayP95Ms = audio.percentile(95);
  }
}

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
  const size_t perSecond = static_cast<size_t>(std::max(1, 1000 / std::max(1, config.pollIntervalMs)));
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

}  // namespace parley::bench
