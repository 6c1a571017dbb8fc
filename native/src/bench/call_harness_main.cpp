// parley_call_harness: two calls' media against each other over the
// simulated network; prints what the far side saw and one JSON line.
//   parley_call_harness [--width W] [--height H] [--fps F] [--seconds N]
//                       [--warmup N] [--loss P] [--burst L] [--reorder P]
//                       [--jitter-ms J] [--delay-ms D] [--audio 0|1] [--video-kbps K]
//                       [--speed S] [--threads T]
//                       [--cap-kbps C] [--queue-bytes Q] [--start-kbps S]
//                       [--min-kbps M] [--max-kbps X] [--seed N] [--srtp 0|1]
//                       [--peer-video 0|1] [--timeline 0|1]
//   experiments (both calls' receive side): [--nack-reorder-packets N]
//                       [--nack-reorder-ms N] [--jb-margin-ms N] [--jb-tolerated-ms N]
//   parley_call_harness --scenario issue5 [same options for the common ones]
//     runs (a) 3% loss + 30 ms jitter and (b) a 600 kbps cap (start
//     1000 kbps) back to back and prints PASS/FAIL against issue 5's targets.
// The harness reports; it is not a test (the figures depend on the machine).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench/call_pipeline_harness.h"
#include "call/call_media_config.h"

namespace {

using parley::bench::CallHarnessConfig;
using parley::bench::CallHarnessResult;

void printResult(const CallHarnessResult& r, bool timeline) {
  const CallHarnessConfig& c = r.config;
  const parley::bench::VideoFigures& v = r.video;
  std::printf("== %s: %dx%d@%d, %.0f s (warm-up %.0f s), loss %.1f%% (bursts %.1f), delay %d ms + "
              "jitter %d ms, cap %d kbps, start %d kbps [%d..%d], %s%s\n",
              r.label.c_str(), c.width, c.height, c.fps, c.seconds, c.warmupSeconds,
              c.lossRate * 100, c.burstLength, c.delayMs, c.jitterMs, c.capKbps, c.startKbps,
              c.minKbps, c.maxKbps, c.srtp ? "SRTP" : "plain RTP", c.audio ? "" : ", no audio");
  if (!r.error.empty()) {
    std::printf("   FAILED TO RUN: %s\n", r.error.c_str());
    return;
  }
  std::printf("  video   %.2f fps rendered (%lld unique / %lld captured in %.1f s), %lld missing, "
              "%lld repeated, %lld out of order, %lld unreadable\n",
              v.renderedFps, static_cast<long long>(v.framesUnique),
              static_cast<long long>(v.framesCaptured), r.measuredSeconds,
              static_cast<long long>(v.framesMissing), static_cast<long long>(v.framesRepeated),
              static_cast<long long>(v.framesOutOfOrder), static_cast<long long>(v.stampsUnreadable));
  std::printf("  freeze  %lld gaps > %.0f ms, frozen %.0f ms = %.2f%% of the call, longest gap %.0f ms\n",
              static_cast<long long>(v.freezes), v.freezeLimitMs, v.frozenMs, v.frozenShare * 100,
              v.maxGapMs);
  for (const parley::bench::CallFreeze& f : v.freezeList) {
    std::printf("          freeze of %.0f ms ended at %.2f s by frame %lld\n", f.gapMs, f.atSeconds,
                static_cast<long long>(f.sequence));
  }
  std::printf("  latency capture->render p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms; "
              "jitter buffer %.0f ms (jitter %d ms)\n",
              v.latencyP50Ms, v.latencyP95Ms, v.latencyP99Ms, v.latencyMaxMs,
              v.jitterBufferDelayMs, v.jitterMs);
  std::printf("  rate    target final %.0f kbps, mean after settle %.0f; offered %.0f kbps; video %.0f kbps; "
              "settle: target %.1f s, offered %.1f s, queue < 100 ms %.1f s\n",
              r.finalTargetKbps, r.meanTargetKbpsAfterSettle, r.offeredKbps, v.bitrateKbps,
              r.settleSeconds, r.offeredSettleSeconds, r.queueDrainSeconds);
  std::printf("  queue   bottleneck (per %d ms, from %.0f s) mean %.1f p95 %.1f max %.1f ms, link max %.1f ms, "
              "%llu drops; pacer p95 %.1f max %.1f ms\n",
              c.pollIntervalMs,
              c.capKbps > 0 ? std::max(c.warmupSeconds, parley::bench::kSettleAllowanceSeconds)
                            : c.warmupSeconds,
              r.bottleneckDelayMeanMs, r.bottleneckDelayP95Ms,
              r.bottleneckDelayMaxMs, r.linkMaxQueueDelayMs,
              static_cast<unsigned long long>(r.bottleneckQueueDrops), r.pacerDelayP95Ms,
              r.pacerDelayMaxMs);
  std::printf("  repair  link A->B %llu sent %llu lost; video lost %lld, NACKed %lld, resent %lld "
              "(misses %lld, suppressed %lld), recovered %lld, PLIs %lld, keyframes %lld, late %lld, "
              "dropped %lld, decode errors %lld; RTT %lld ms\n",
              static_cast<unsigned long long>(r.linkPacketsSent),
              static_cast<unsigned long long>(r.linkPacketsLost),
              static_cast<long long>(v.packetsLost), static_cast<long long>(v.nacksSent),
              static_cast<long long>(v.retransmissions), static_cast<long long>(v.nackMisses),
              static_cast<long long>(v.resendsSuppressed), static_cast<long long>(v.packetsRecovered),
              static_cast<long long>(v.plisSent), static_cast<long long>(v.keyframes),
              static_cast<long long>(v.framesLate), static_cast<long long>(v.framesDropped),
              static_cast<long long>(v.decodeErrors), static_cast<long long>(r.rttMs));
  std::printf("  audio   played %lld ms, concealed %lld ms (%.2f%%), FEC %llu packets (%lld ms), lost %llu, "
              "late %llu; delay mean %.0f p95 %.0f ms (jitter %d ms); stretch -%lld/+%lld ms; Opus loss %d%%\n",
              static_cast<long long>(r.audioPlayedMs), static_cast<long long>(r.audioConcealedMs),
              r.audioConcealedShare * 100, static_cast<unsigned long long>(r.audioFecRecovered),
              static_cast<long long>(r.audioFecRecoveredMs),
              static_cast<unsigned long long>(r.audioPacketsLost),
              static_cast<unsigned long long>(r.audioPacketsLate), r.audioDelayMeanMs,
              r.audioDelayP95Ms, r.audioJitterMs,
              static_cast<long long>(r.audioAcceleratedMs), static_cast<long long>(r.audioDeceleratedMs),
              r.audioExpectedLossPercent);
  if (r.lipSyncKnown) {
    std::printf("  sync    video %d ms later than audio (video held %d ms)\n", r.lipSyncOffsetMs,
                r.lipSyncVideoDelayMs);
  } else {
    std::printf("  sync    unknown (no sender reports or playout yet)\n");
  }
  std::printf("  cost    VP8 encode p50 %.2f p95 %.2f ms, decode p50 %.2f p95 %.2f ms, Opus encode %.3f ms; "
              "CPU %.0f%% of a core (both calls), RSS %lld -> %lld MB (peak %lld), load %.1f; "
              "SRTP auth failures %llu\n",
              v.codec.encodeP50Ms, v.codec.encodeP95Ms, v.codec.decodeP50Ms, v.codec.decodeP95Ms,
              r.audioEncodeMeanMs, r.cpuPercent, static_cast<long long>(r.startRssKb / 1024),
              static_cast<long long>(r.finalRssKb / 1024), static_cast<long long>(r.peakRssKb / 1024),
              r.loadAverage, static_cast<unsigned long long>(r.srtpAuthFailures));
  if (c.peerSendsVideo) {
    const parley::bench::VideoFigures& b = r.reverse;
    std::printf("  reverse %.2f fps, latency p50 %.1f p99 %.1f ms, frozen %.2f%%\n", b.renderedFps,
                b.latencyP50Ms, b.latencyP99Ms, b.frozenShare * 100);
  }
  if (timeline) {
    std::printf("  t(s)  target  video   remb  offered  pacer  bottleneck  loss%%  opus%%  latency  vjb  ajb (kbps, ms)\n");
    for (const parley::bench::CallRateSample& s : r.timeline) {
      std::printf("  %5.1f %6.0f %6.0f %6.0f %7.0f %6.0f %10.1f %6.1f %5d %8.1f %4d %4d\n", s.seconds, s.targetKbps,
                  s.videoTargetKbps, s.rembKbps, s.offeredKbps, s.pacerDelayMs, s.bottleneckDelayMs,
                  s.reportedLossPercent, s.opusLossPercent, s.latencyMs, s.videoDelayMs,
                  s.audioDelayMs);
    }
  }
}

void verdict(bool pass, const char* what, const char* figure) {
  std::printf("  %s  %-52s %s\n", pass ? "PASS" : "FAIL", what, figure);
}

// Issue 5's targets: (a) under loss and jitter, (b) under a cap.
int judgeIssue5(const CallHarnessResult& a, const CallHarnessResult& b) {
  char text[128];
  int failures = 0;
  auto check = [&](bool pass, const char* what) {
    verdict(pass, what, text);
    if (!pass) ++failures;
  };
  std::printf("issue 5 targets\n");
  std::snprintf(text, sizeof text, "%.2f fps", a.video.renderedFps);
  check(a.error.empty() && a.video.renderedFps >= 29.0, "(a) >= 29 fps rendered");
  std::snprintf(text, sizeof text, "%.2f%% (%lld gaps)", a.video.frozenShare * 100,
                static_cast<long long>(a.video.freezes));
  check(a.error.empty() && a.video.frozenShare < 0.01, "(a) frozen time (gaps > 150 ms) < 1% of the call");
  std::snprintf(text, sizeof text, "%.1f ms", a.video.latencyP95Ms);
  check(a.error.empty() && a.video.latencyP95Ms < 150.0, "(a) capture-to-render latency p95 < 150 ms");
  std::snprintf(text, sizeof text, "%.1f s (offered load %.1f s)", b.settleSeconds,
                b.offeredSettleSeconds);
  check(b.error.empty() && b.settleSeconds >= 0 && b.settleSeconds <= 5.0,
        "(b) target settles below the cap within 5 s");
  std::snprintf(text, sizeof text, "max %.1f ms (p95 %.1f; < 100 ms from %.1f s)",
                b.bottleneckDelayMaxMs, b.bottleneckDelayP95Ms, b.queueDrainSeconds);
  check(b.error.empty() && b.bottleneckDelayMaxMs < 100.0,
        "(b) bottleneck queueing delay < 100 ms from 5 s on");
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  CallHarnessConfig config;
  std::string scenario;
  bool timeline = false;
  bool startGiven = false;
  // Receive-side experiments, -1: as configured by default.
  int nackReorderPackets = -1;
  int nackReorderMs = -1;
  int jbMarginMs = -1;
  int jbToleratedMs = -1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const char* name = argv[i];
    const char* text = argv[i + 1];
    const double value = std::atof(text);
    if (std::strcmp(name, "--scenario") == 0) scenario = text;
    else if (std::strcmp(name, "--label") == 0) config.label = text;
    else if (std::strcmp(name, "--width") == 0) config.width = static_cast<int>(value);
    else if (std::strcmp(name, "--height") == 0) config.height = static_cast<int>(value);
    else if (std::strcmp(name, "--fps") == 0) config.fps = static_cast<int>(value);
    else if (std::strcmp(name, "--seconds") == 0) config.seconds = value;
    else if (std::strcmp(name, "--warmup") == 0) config.warmupSeconds = value;
    else if (std::strcmp(name, "--loss") == 0) config.lossRate = value;
    else if (std::strcmp(name, "--burst") == 0) config.burstLength = value;
    else if (std::strcmp(name, "--reorder") == 0) config.reorderRate = value;
    else if (std::strcmp(name, "--audio") == 0) config.audio = value != 0;
    else if (std::strcmp(name, "--video-kbps") == 0) config.fixedVideoKbps = static_cast<int>(value);
    else if (std::strcmp(name, "--speed") == 0) config.encoderSpeed = static_cast<int>(value);
    else if (std::strcmp(name, "--threads") == 0) config.encoderThreads = static_cast<int>(value);
    else if (std::strcmp(name, "--jitter-ms") == 0) config.jitterMs = static_cast<int>(value);
    else if (std::strcmp(name, "--delay-ms") == 0) config.delayMs = static_cast<int>(value);
    else if (std::strcmp(name, "--cap-kbps") == 0) config.capKbps = static_cast<int>(value);
    else if (std::strcmp(name, "--queue-bytes") == 0) config.queueLimitBytes = static_cast<size_t>(value);
    else if (std::strcmp(name, "--start-kbps") == 0) {
      config.startKbps = static_cast<int>(value);
      startGiven = true;
    } else if (std::strcmp(name, "--min-kbps") == 0) config.minKbps = static_cast<int>(value);
    else if (std::strcmp(name, "--max-kbps") == 0) config.maxKbps = static_cast<int>(value);
    else if (std::strcmp(name, "--seed") == 0) config.seed = static_cast<uint64_t>(value);
    else if (std::strcmp(name, "--srtp") == 0) config.srtp = value != 0;
    else if (std::strcmp(name, "--peer-video") == 0) config.peerSendsVideo = value != 0;
    else if (std::strcmp(name, "--timeline") == 0) timeline = value != 0;
    else if (std::strcmp(name, "--nack-reorder-packets") == 0) nackReorderPackets = static_cast<int>(value);
    else if (std::strcmp(name, "--nack-reorder-ms") == 0) nackReorderMs = static_cast<int>(value);
    else if (std::strcmp(name, "--jb-margin-ms") == 0) jbMarginMs = static_cast<int>(value);
    else if (std::strcmp(name, "--jb-tolerated-ms") == 0) jbToleratedMs = static_cast<int>(value);
    else {
      std::fprintf(stderr, "unknown option %s\n", name);
      return 2;
    }
  }
  if ((argc - 1) % 2 != 0) {
    std::fprintf(stderr, "option %s has no value\n", argv[argc - 1]);
    return 2;
  }

  if (nackReorderPackets >= 0 || nackReorderMs >= 0 || jbMarginMs >= 0 || jbToleratedMs >= 0) {
    config.adjust = [=](char, parley::call::CallMediaConfig& call) {
      parley::jitter::VideoJitterBuffer::Config& jitter = call.videoReceive.jitter;
      if (nackReorderPackets >= 0) jitter.nack.reorderPackets = nackReorderPackets;
      if (nackReorderMs >= 0) jitter.nack.reorderMs = nackReorderMs;
      if (jbMarginMs >= 0) jitter.delay.marginMs = jbMarginMs;
      if (jbToleratedMs >= 0) jitter.delay.toleratedJitterMs = jbToleratedMs;
    };
  }

  if (scenario.empty()) {
    const CallHarnessResult result = parley::bench::runCallPipeline(config);
    printResult(result, timeline);
    std::printf("%s\n", parley::bench::toJson(result).c_str());
    return result.error.empty() ? 0 : 1;
  }
  if (scenario != "issue5") {
    std::fprintf(stderr, "unknown scenario %s (issue5)\n", scenario.c_str());
    return 2;
  }
  CallHarnessConfig lossy = config;
  lossy.label = "issue5-a-loss-jitter";
  lossy.lossRate = 0.03;
  lossy.jitterMs = 30;
  lossy.capKbps = 0;
  CallHarnessConfig capped = config;
  capped.label = "issue5-b-cap";
  capped.lossRate = 0;
  capped.jitterMs = 0;
  capped.capKbps = 600;
  if (!startGiven) capped.startKbps = 1000;
  const CallHarnessResult a = parley::bench::runCallPipeline(lossy);
  printResult(a, timeline);
  const CallHarnessResult b = parley::bench::runCallPipeline(capped);
  printResult(b, timeline);
  std::printf("%s\n%s\n", parley::bench::toJson(a).c_str(), parley::bench::toJson(b).c_str());
  const int failures = judgeIssue5(a, b);
  std::printf("issue 5: %d of 5 targets missed\n", failures);
  return 0;
}
