// What stands behind the facade's parley::BenchRun and runRawCodecBench: the
// settings' checks, their translation into the call harness's config, the
// run on its own thread with cancel and progress, and the result as the JSON
// docs/bench.md describes.
#ifndef PARLEY_BENCH_BENCH_RUNNER_H
#define PARLEY_BENCH_BENCH_RUNNER_H

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "bench/call_pipeline_harness.h"
#include "parley/parley.h"

namespace parley::bench {

// Throws std::invalid_argument naming the first bad field
// ("BenchSettings.fps must be 1..120, not 0").
void checkBenchSettings(const BenchSettings& settings);

// The call harness's config for a bench run (control: cancel and progress).
CallHarnessConfig harnessConfigFrom(const BenchSettings& settings, CallHarnessControl* control);

// The result object of docs/bench.md.
std::string benchResultJson(const BenchSettings& settings, const CallHarnessResult& result);

// libvpx alone on the test pattern, paced at the frame rate, for
// settings.seconds (blocks); the raw-codec object of docs/bench.md.
std::string rawCodecBenchJson(const BenchSettings& settings);

// One run on its own thread. start/cancel/waitFinished/progressJson/
// resultJson from any one thread at a time (cancel and progressJson also
// from others); the destructor cancels and joins.
class BenchRunner {
 public:
  explicit BenchRunner(const BenchSettings& settings);  // checks the settings
  ~BenchRunner();
  BenchRunner(const BenchRunner&) = delete;
  BenchRunner& operator=(const BenchRunner&) = delete;

  void start();  // std::logic_error when called twice
  void cancel();
  bool waitFinished(int timeoutMs);
  std::string progressJson() const;
  std::string resultJson() const;  // "" until finished

 private:
  void run();

  const BenchSettings settings_;
  CallHarnessControl control_;
  mutable std::mutex mutex_;
  std::condition_variable finishedChanged_;
  bool started_ = false;   // under mutex_
  bool finished_ = false;  // under mutex_
  std::string result_;     // under mutex_
  std::thread thread_;
};

}  // namespace parley::bench

#endif  // PARLEY_BENCH_BENCH_RUNNER_H
