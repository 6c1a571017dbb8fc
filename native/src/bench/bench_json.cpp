// The bench's results as docs/bench.md lists them: the pipeline run's object
// (settings, per-direction video, audio, network, CPU, memory, timeline) and
// the raw codec's.
#include <algorithm>

#include "bench/bench_runner.h"
#include "bench/json_writer.h"
#include "bench/video_pipeline_harness.h"

namespace parley::bench {
namespace {

void writeSettings(JsonWriter& j, const BenchSettings& s) {
  j.beginObject("settings");
  j.integer("width", s.width).integer("height", s.height).integer("fps", s.fps);
  j.integer("bitrateKbps", s.bitrateKbps).integer("startKbps", s.startKbps);
  j.integer("minKbps", s.minKbps).integer("maxKbps", s.maxKbps);
  j.integer("encoderSpeed", s.encoderSpeed).integer("encoderThreads", s.encoderThreads);
  j.number("lossPercent", s.lossPercent).number("burstLength", s.burstLength);
  j.integer("delayMs", s.delayMs).integer("jitterMs", s.jitterMs);
  j.number("reorderPercent", s.reorderPercent).integer("capKbps", s.capKbps);
  j.number("seconds", s.seconds).number("warmupSeconds", s.warmupSeconds);
  j.integer("seed", s.seed).boolean("audio", s.audio).boolean("twoWay", s.twoWay);
  j.boolean("srtp", s.srtp).integer("windowHandle", s.windowHandle);
  j.integer("freezeThresholdMs", s.freezeThresholdMs).integer("sampleIntervalMs", s.sampleIntervalMs);
  j.endObject();
}

void writeVideo(JsonWriter& j, const char* key, const VideoFigures& v) {
  j.beginObject(key);
  j.integer("framesCaptured", v.framesCaptured).integer("framesEncoded", v.framesEncoded);
  j.integer("framesSent", v.framesSent).integer("framesReceived", v.framesReceived);
  j.integer("framesRendered", v.framesRendered).integer("framesDropped", v.framesDropped);
  j.integer("framesMissing", v.framesMissing).integer("framesUnique", v.framesUnique);
  j.number("renderedFps", v.renderedFps);
  j.number("latencyP50Ms", v.latencyP50Ms).number("latencyP95Ms", v.latencyP95Ms);
  j.number("latencyP99Ms", v.latencyP99Ms).number("latencyMaxMs", v.latencyMaxMs);
  j.integer("freezes", v.freezes).number("frozenMs", v.frozenMs).number("frozenShare", v.frozenShare);
  j.number("freezeLimitMs", v.freezeLimitMs).number("maxGapMs", v.maxGapMs);
  j.number("encodeP50Ms", v.codec.encodeP50Ms).number("encodeP95Ms", v.codec.encodeP95Ms);
  j.number("decodeP50Ms", v.codec.decodeP50Ms).number("decodeP95Ms", v.codec.decodeP95Ms);
  j.number("bitrateKbps", v.bitrateKbps).number("jitterBufferDelayMs", v.jitterBufferDelayMs);
  j.integer("nacksSent", v.nacksSent).integer("plisSent", v.plisSent);
  j.integer("retransmissions", v.retransmissions).integer("keyframes", v.keyframes);
  j.integer("packetsLost", v.packetsLost).integer("packetsRecovered", v.packetsRecovered);
  j.integer("framesLate", v.framesLate).integer("decodeErrors", v.decodeErrors);
  j.endObject();
}

}  // namespace

std::string benchResultJson(const BenchSettings& s, const CallHarnessResult& r) {
  JsonWriter j;
  j.beginObject();
  j.string("mode", "pipeline").boolean("completed", r.completed && r.error.empty());
  j.string("error", r.error);
  writeSettings(j, s);
  j.number("elapsedSeconds", r.elapsedSeconds).number("measuredSeconds", r.measuredSeconds);
  writeVideo(j, "video", r.video);
  if (s.twoWay) writeVideo(j, "reverse", r.reverse);
  if (s.audio) {
    j.beginObject("audio");
    j.integer("playedMs", r.audioPlayedMs).integer("concealedMs", r.audioConcealedMs);
    j.number("concealedShare", r.audioConcealedShare);
    j.number("jitterBufferDelayMs", r.audioDelayMeanMs).number("jitterBufferDelayP95Ms", r.audioDelayP95Ms);
    j.number("bitrateKbps", r.audioBitrateKbps).integer("fecRecoveredMs", r.audioFecRecoveredMs);
    j.integer("packetsLost", static_cast<int64_t>(r.audioPacketsLost));
    j.boolean("lipSyncKnown", r.lipSyncKnown).integer("lipSyncOffsetMs", r.lipSyncOffsetMs);
    j.integer("lipSyncVideoDelayMs", r.lipSyncVideoDelayMs);
    j.endObject();
  }
  j.beginObject("network");
  j.integer("rttMs", r.rttMs).integer("packetsSent", static_cast<int64_t>(r.linkPacketsSent));
  j.integer("packetsLost", static_cast<int64_t>(r.linkPacketsLost));
  j.integer("reversePacketsSent", static_cast<int64_t>(r.reverseLinkPacketsSent));
  j.integer("reversePacketsLost", static_cast<int64_t>(r.reverseLinkPacketsLost));
  j.integer("queueDrops", static_cast<int64_t>(r.bottleneckQueueDrops));
  j.endObject();
  j.beginObject("cpu");
  j.number("cpuSeconds", r.cpuSeconds).number("cpuSecondsPerMediaSecond", r.cpuSecondsPerMediaSecond);
  j.number("loadAverage", r.loadAverage);
  j.endObject();
  j.beginObject("memory");
  j.integer("startRssKb", r.startRssKb).integer("windowStartRssKb", r.windowStartRssKb);
  j.integer("peakRssKb", r.peakRssKb);
  j.integer("finalRssKb", r.finalRssKb);
  j.endObject();
  j.beginArray("timeline");
  for (const CallRateSample& sample : r.timeline) {
    j.beginObject();
    j.number("t", sample.seconds).number("latencyMs", sample.latencyMs);
    j.number("bitrateKbps", sample.videoKbps).number("targetKbps", sample.targetKbps);
    j.number("fps", sample.fps).integer("rssKb", sample.rssKb);
    j.endObject();
  }
  j.endArray();
  j.endObject();
  return j.str();
}

std::string rawCodecBenchJson(const BenchSettings& s) {
  checkBenchSettings(s);
  VideoHarnessConfig config;
  config.width = s.width;
  config.height = s.height;
  config.fps = s.fps;
  // The rate a clean call reaches: the fixed one, else the ceiling.
  config.bitrateKbps = s.bitrateKbps > 0 ? s.bitrateKbps : s.maxKbps;
  config.speed = s.encoderSpeed;
  config.threads = s.encoderThreads;
  config.seconds = s.seconds;
  const VideoHarnessResult r = runRawCodec(config, /*paced=*/true);
  const double codecSeconds = r.cpuMs / 1000.0;
  const double sourceSeconds = r.sourceCpuMs / 1000.0;
  JsonWriter j;
  j.beginObject();
  j.string("mode", "raw-codec").integer("frames", r.framesEncoded);
  j.number("encodeP50Ms", r.encodeP50Ms).number("encodeP95Ms", r.encodeP95Ms);
  j.number("decodeP50Ms", r.decodeP50Ms).number("decodeP95Ms", r.decodeP95Ms);
  j.number("bitrateKbps", r.achievedKbps).number("codecCpuSeconds", codecSeconds);
  j.number("sourceCpuSeconds", sourceSeconds).number("mediaSeconds", r.mediaSeconds);
  j.number("cpuSecondsPerMediaSecond",
           r.mediaSeconds > 0 ? (codecSeconds + sourceSeconds) / r.mediaSeconds : 0);
  j.integer("width", s.width).integer("height", s.height).integer("fps", s.fps);
  j.integer("targetKbps", config.bitrateKbps);
  j.endObject();
  return j.str();
}

}  // namespace parley::bench
