// parley_video_harness: runs the video pipeline and libvpx alone on the same
// test pattern and prints both, plus the pipeline's CPU relative to the codec.
//   parley_video_harness [--width W] [--height H] [--fps F] [--kbps K]
//                        [--speed S] [--threads T] [--seconds N]
//                        [--mode all|raw|raw-paced|pipeline]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "bench/video_pipeline_harness.h"

int main(int argc, char** argv) {
  parley::bench::VideoHarnessConfig config;
  const char* mode = "all";
  for (int i = 1; i + 1 < argc; i += 2) {
    const char* name = argv[i];
    const double value = std::atof(argv[i + 1]);
    if (std::strcmp(name, "--mode") == 0) mode = argv[i + 1];
    else if (std::strcmp(name, "--width") == 0) config.width = static_cast<int>(value);
    else if (std::strcmp(name, "--height") == 0) config.height = static_cast<int>(value);
    else if (std::strcmp(name, "--fps") == 0) config.fps = static_cast<int>(value);
    else if (std::strcmp(name, "--kbps") == 0) config.bitrateKbps = static_cast<int>(value);
    else if (std::strcmp(name, "--speed") == 0) config.speed = static_cast<int>(value);
    else if (std::strcmp(name, "--threads") == 0) config.threads = static_cast<int>(value);
    else if (std::strcmp(name, "--seconds") == 0) config.seconds = value;
    else {
      std::fprintf(stderr, "unknown option %s\n", name);
      return 2;
    }
  }
  try {
    if (std::strcmp(mode, "all") != 0) {  // one side only, e.g. under a profiler
      const bool raw = std::strcmp(mode, "raw") == 0;
      const bool paced = std::strcmp(mode, "raw-paced") == 0;
      const parley::bench::VideoHarnessResult result =
          raw || paced ? parley::bench::runRawCodec(config, paced)
                       : parley::bench::runVideoPipeline(config);
      std::printf("%s\n", parley::bench::toJson(result).c_str());
      return 0;
    }
    const parley::bench::VideoHarnessResult raw = parley::bench::runRawCodec(config);
    const parley::bench::VideoHarnessResult paced = parley::bench::runRawCodec(config, true);
    const parley::bench::VideoHarnessResult pipeline = parley::bench::runVideoPipeline(config);
    std::printf("%dx%d@%d %d kbps speed %d threads %d, %.0f s\n", config.width, config.height,
                config.fps, config.bitrateKbps, config.speed, config.threads, config.seconds);
    std::printf("  raw codec: encode p50 %.2f ms p95 %.2f, decode p50 %.2f ms, codec CPU %.2f ms/frame, "
                "pattern %.2f ms/frame\n",
                raw.encodeP50Ms, raw.encodeP95Ms, raw.decodeP50Ms, raw.cpuMsPerFrame,
                raw.sourceCpuMs / static_cast<double>(raw.framesCaptured));
    std::printf("  pipeline:  latency p50 %.2f p95 %.2f p99 %.2f max %.2f ms; %lld/%lld frames rendered, "
                "%lld missing, %lld repeated, %lld out of order, %lld unreadable; %.0f kbps; "
                "jitter buffer delay %d ms (jitter %d ms)\n",
                pipeline.latencyP50Ms, pipeline.latencyP95Ms, pipeline.latencyP99Ms,
                pipeline.latencyMaxMs, static_cast<long long>(pipeline.framesRendered),
                static_cast<long long>(pipeline.framesCaptured),
                static_cast<long long>(pipeline.framesMissing),
                static_cast<long long>(pipeline.framesRepeated),
                static_cast<long long>(pipeline.framesOutOfOrder),
                static_cast<long long>(pipeline.stampsUnreadable), pipeline.achievedKbps,
                pipeline.jitterBufferDelayMs, pipeline.jitterMs);
    std::printf("  raw codec paced at %d fps: encode p50 %.2f ms, decode p50 %.2f ms, codec CPU %.2f ms/frame\n",
                config.fps, paced.encodeP50Ms, paced.decodeP50Ms, paced.cpuMsPerFrame);
    std::printf("  CPU: pipeline %.2f ms/frame = %.3f x codec in a tight loop, %.3f x codec paced\n",
                pipeline.cpuMsPerFrame, pipeline.cpuMsPerFrame / raw.cpuMsPerFrame,
                pipeline.cpuMsPerFrame / paced.cpuMsPerFrame);
    std::printf("%s\n%s\n%s\n", parley::bench::toJson(raw).c_str(),
                parley::bench::toJson(paced).c_str(), parley::bench::toJson(pipeline).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "harness failed: %s\n", e.what());
    return 1;
  }
  return 0;
}
