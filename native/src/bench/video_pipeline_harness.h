// Runs the real video send and receive paths in one process and measures
// them: the harness behind issue 3's figures and the bench's video part.
#ifndef PARLEY_BENCH_VIDEO_PIPELINE_HARNESS_H
#define PARLEY_BENCH_VIDEO_PIPELINE_HARNESS_H

#include <cstdint>
#include <string>

namespace parley::bench {

struct VideoHarnessConfig {
  int width = 1280;
  int height = 720;
  int fps = 30;
  int bitrateKbps = 1500;
  int speed = -6;    // libvpx VP8E_SET_CPUUSED
  int threads = 1;   // encoder threads
  double seconds = 10;
};

struct VideoHarnessResult {
  std::string mode;  // "pipeline" or "raw-codec"
  int64_t framesCaptured = 0;
  int64_t framesEncoded = 0;
  int64_t packetsSent = 0;
  int64_t framesRendered = 0;
  int64_t framesMissing = 0;     // captured but never rendered
  int64_t framesRepeated = 0;    // rendered twice
  int64_t framesOutOfOrder = 0;  // rendered after a later one
  int64_t stampsUnreadable = 0;  // rendered pictures whose stamp did not read
  double latencyP50Ms = 0;       // capture -> rendered, from the stamps
  double latencyP95Ms = 0;
  double latencyP99Ms = 0;
  double latencyMaxMs = 0;
  double encodeP50Ms = 0;
  double encodeP95Ms = 0;
  double decodeP50Ms = 0;
  double decodeP95Ms = 0;
  double renderP50Ms = 0;
  int jitterBufferDelayMs = 0;   // playout delay the jitter buffer applied at the end
  int jitterMs = 0;              // its jitter estimate at the end
  int64_t nacks = 0;
  int64_t keyframeRequests = 0;
  double sourceCpuMs = 0;        // CPU spent making the test pattern (raw-codec mode)
  double cpuMs = 0;              // CPU of the measured work (pipeline: the whole process)
  double cpuMsPerFrame = 0;
  double achievedKbps = 0;
  double mediaSeconds = 0;
};

// The whole path with real threads and the real clock: test-pattern source
// paced at fps -> VP8 encoder -> RFC 7741 payloader -> RTP -> (loopback, no
// network) -> parse -> depacketizer -> jitter buffer -> VP8 decoder ->
// pixel-buffer renderer (BGRA at the source size).
VideoHarnessResult runVideoPipeline(const VideoHarnessConfig& config);

// libvpx alone on the same pictures: encode + decode back to back, CPU time
// of those calls only (the pattern's own cost is reported separately). With
// `paced`, one frame per 1/fps of real time, as a call runs (caches go cold
// between frames, which costs libvpx CPU too); otherwise a tight loop.
VideoHarnessResult runRawCodec(const VideoHarnessConfig& config, bool paced = false);

// One line of JSON with every field.
std::string toJson(const VideoHarnessResult& result);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_VIDEO_PIPELINE_HARNESS_H
