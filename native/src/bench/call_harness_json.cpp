// parley_call_harness's one-line JSON: the forward direction's figures under
// the names issue 5's tables were made with.
#include "bench/call_pipeline_harness.h"
#include "bench/json_writer.h"

namespace parley::bench {

std::string toJson(const CallHarnessResult& r) {
  const CallHarnessConfig& c = r.config;
  const VideoFigures& v = r.video;
  JsonWriter j;
  j.beginObject();
  j.string("label", r.label).string("error", r.error).boolean("completed", r.completed);
  j.integer("width", c.width).integer("height", c.height).integer("fps", c.fps);
  j.number("seconds", c.seconds).number("warmupSeconds", c.warmupSeconds);
  j.integer("seed", static_cast<int64_t>(c.seed)).number("loss", c.lossRate);
  j.number("burstLength", c.burstLength).integer("delayMs", c.delayMs).integer("jitterMs", c.jitterMs);
  j.number("reorderRate", c.reorderRate).integer("capKbps", c.capKbps);
  j.integer("queueLimitBytes", static_cast<int64_t>(c.queueLimitBytes));
  j.integer("startKbps", c.startKbps).integer("minKbps", c.minKbps).integer("maxKbps", c.maxKbps);
  j.integer("fixedVideoKbps", c.fixedVideoKbps).boolean("audio", c.audio);
  j.boolean("srtp", c.srtp).boolean("peerSendsVideo", c.peerSendsVideo);
  j.number("measuredSeconds", r.measuredSeconds);
  j.integer("framesCaptured", v.framesCaptured).integer("framesRendered", v.framesRendered);
  j.integer("framesUnique", v.framesUnique).integer("framesMissing", v.framesMissing);
  j.integer("framesRepeated", v.framesRepeated).integer("framesOutOfOrder", v.framesOutOfOrder);
  j.integer("stampsUnreadable", v.stampsUnreadable).number("renderedFps", v.renderedFps);
  j.integer("freezes", v.freezes).number("frozenMs", v.frozenMs).number("frozenShare", v.frozenShare);
  j.number("maxGapMs", v.maxGapMs).number("latencyP50Ms", v.latencyP50Ms);
  j.number("latencyP95Ms", v.latencyP95Ms).number("latencyP99Ms", v.latencyP99Ms);
  j.number("latencyMaxMs", v.latencyMaxMs);
  j.number("settleSeconds", r.settleSeconds).number("queueDrainSeconds", r.queueDrainSeconds);
  j.number("offeredSettleSeconds", r.offeredSettleSeconds).number("finalTargetKbps", r.finalTargetKbps);
  j.number("meanTargetKbpsAfterSettle", r.meanTargetKbpsAfterSettle).number("offeredKbps", r.offeredKbps);
  j.number("pacerDelayP95Ms", r.pacerDelayP95Ms).number("pacerDelayMaxMs", r.pacerDelayMaxMs);
  j.number("bottleneckDelayMeanMs", r.bottleneckDelayMeanMs);
  j.number("bottleneckDelayP95Ms", r.bottleneckDelayP95Ms);
  j.number("bottleneckDelayMaxMs", r.bottleneckDelayMaxMs);
  j.number("linkMaxQueueDelayMs", r.linkMaxQueueDelayMs);
  j.integer("bottleneckQueueDrops", static_cast<int64_t>(r.bottleneckQueueDrops));
  j.integer("linkPacketsSent", static_cast<int64_t>(r.linkPacketsSent));
  j.integer("linkPacketsLost", static_cast<int64_t>(r.linkPacketsLost));
  j.integer("videoPacketsLost", v.packetsLost).integer("videoRetransmitted", v.retransmissions);
  j.integer("nacksSent", v.nacksSent).integer("nackMisses", v.nackMisses);
  j.integer("resendsSuppressed", v.resendsSuppressed).integer("plisSent", v.plisSent);
  j.integer("keyframes", v.keyframes).integer("rttMs", r.rttMs);
  j.number("videoJitterBufferDelayMs", v.jitterBufferDelayMs).integer("videoJitterMs", v.jitterMs);
  j.integer("videoFramesLate", v.framesLate).integer("videoFramesDropped", v.framesDropped);
  j.integer("videoPacketsRecovered", v.packetsRecovered).integer("videoDecodeErrors", v.decodeErrors);
  j.integer("encoderFramesDropped", v.encoderFramesDropped);
  j.number("encodeMeanMs", v.codec.encodeMeanMs).number("encodeP50Ms", v.codec.encodeP50Ms);
  j.number("encodeP95Ms", v.codec.encodeP95Ms).number("decodeMeanMs", v.codec.decodeMeanMs);
  j.number("decodeP50Ms", v.codec.decodeP50Ms).number("decodeP95Ms", v.codec.decodeP95Ms);
  j.number("videoBitrateKbps", v.bitrateKbps);
  j.integer("audioPlayedMs", r.audioPlayedMs).integer("audioConcealedMs", r.audioConcealedMs);
  j.number("audioConcealedShare", r.audioConcealedShare);
  j.integer("audioFecRecoveredMs", r.audioFecRecoveredMs);
  j.integer("audioFecRecovered", static_cast<int64_t>(r.audioFecRecovered));
  j.integer("audioPacketsLost", static_cast<int64_t>(r.audioPacketsLost));
  j.integer("audioPacketsLate", static_cast<int64_t>(r.audioPacketsLate));
  j.number("audioDelayMeanMs", r.audioDelayMeanMs).number("audioDelayP95Ms", r.audioDelayP95Ms);
  j.integer("audioJitterMs", r.audioJitterMs);
  j.integer("audioAcceleratedMs", r.audioAcceleratedMs).integer("audioDeceleratedMs", r.audioDeceleratedMs);
  j.number("audioEncodeMeanMs", r.audioEncodeMeanMs);
  j.integer("audioExpectedLossPercent", r.audioExpectedLossPercent);
  j.boolean("lipSyncKnown", r.lipSyncKnown).integer("lipSyncOffsetMs", r.lipSyncOffsetMs);
  j.integer("lipSyncVideoDelayMs", r.lipSyncVideoDelayMs);
  j.number("cpuPercent", r.cpuPercent).number("cpuSecondsPerMediaSecond", r.cpuSecondsPerMediaSecond);
  j.integer("startRssKb", r.startRssKb).integer("peakRssKb", r.peakRssKb);
  j.integer("finalRssKb", r.finalRssKb).number("loadAverage", r.loadAverage);
  j.integer("srtpAuthFailures", static_cast<int64_t>(r.srtpAuthFailures));
  j.endObject();
  return j.str();
}

}  // namespace parley::bench
