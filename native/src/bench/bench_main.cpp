// parley_bench: the facade's bench (parley::BenchRun, runRawCodecBench) from
// the command line, for measuring without the JVM. Every BenchSettings field
// is an option of its C++ name:
//   parley_bench [--width 1280] [--height 720] [--fps 30] [--bitrateKbps 0]
//                [--lossPercent 3] [--burstLength 1] [--jitterMs 30] [--audio 0|1]
//                [--twoWay 0|1] [--seconds 10] [--warmupSeconds 2] ... [--raw-codec 1]
//                [--timeline 0|1]
// Prints a progress line a second on stderr and the result JSON on stdout;
// Ctrl-C ends the run early (the result covers what ran). It reports; it is
// not a test.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "parley/parley.h"

namespace {

std::atomic<bool> interrupted{false};

void onInterrupt(int) { interrupted.store(true); }

// Sets the field `name` of `s` from `text`; false for an unknown name.
bool setField(parley::BenchSettings& s, const std::string& name, const char* text) {
  const double v = std::atof(text);
  const int i = static_cast<int>(v);
  if (name == "width") s.width = i;
  else if (name == "height") s.height = i;
  else if (name == "fps") s.fps = i;
  else if (name == "bitrateKbps") s.bitrateKbps = i;
  else if (name == "startKbps") s.startKbps = i;
  else if (name == "minKbps") s.minKbps = i;
  else if (name == "maxKbps") s.maxKbps = i;
  else if (name == "encoderSpeed") s.encoderSpeed = i;
  else if (name == "encoderThreads") s.encoderThreads = i;
  else if (name == "lossPercent") s.lossPercent = v;
  else if (name == "burstLength") s.burstLength = v;
  else if (name == "delayMs") s.delayMs = i;
  else if (name == "jitterMs") s.jitterMs = i;
  else if (name == "reorderPercent") s.reorderPercent = v;
  else if (name == "capKbps") s.capKbps = i;
  else if (name == "seconds") s.seconds = v;
  else if (name == "warmupSeconds") s.warmupSeconds = v;
  else if (name == "seed") s.seed = std::atoll(text);
  else if (name == "audio") s.audio = i != 0;
  else if (name == "twoWay") s.twoWay = i != 0;
  else if (name == "srtp") s.srtp = i != 0;
  else if (name == "freezeThresholdMs") s.freezeThresholdMs = i;
  else if (name == "sampleIntervalMs") s.sampleIntervalMs = i;
  else return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  parley::BenchSettings settings;
  bool rawCodec = false;
  bool timeline = false;
  if ((argc - 1) % 2 != 0) {
    std::fprintf(stderr, "option %s has no value\n", argv[argc - 1]);
    return 2;
  }
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string name = std::strncmp(argv[a], "--", 2) == 0 ? argv[a] + 2 : argv[a];
    if (name == "raw-codec") {
      rawCodec = std::atoi(argv[a + 1]) != 0;
    } else if (name == "timeline") {
      timeline = std::atoi(argv[a + 1]) != 0;
    } else if (!setField(settings, name, argv[a + 1])) {
      std::fprintf(stderr, "unknown option %s\n", argv[a]);
      return 2;
    }
  }
  try {
    if (rawCodec) {
      std::printf("%s\n", parley::runRawCodecBench(settings).c_str());
      return 0;
    }
    parley::BenchRun run(settings);
    std::signal(SIGINT, onInterrupt);
    run.start();
    while (!run.waitFinished(1000)) {
      if (interrupted.load()) run.cancel();
      std::fprintf(stderr, "%s\n", run.progressJson().c_str());
    }
    std::string result = run.resultJson();
    if (!timeline) {
      // The timeline is long; keep the line readable unless asked for.
      const size_t at = result.find(",\"timeline\":[");
      if (at != std::string::npos) result = result.substr(0, at) + "}";
    }
    std::printf("%s\n", result.c_str());
    return result.find("\"completed\":true") != std::string::npos ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parley_bench: %s\n", e.what());
    return 2;
  }
}
