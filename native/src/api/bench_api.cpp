// Facade: the bench of parley.h, forwarding to native/src/bench/bench_runner.
#include <memory>

#include "bench/bench_runner.h"
#include "parley/parley.h"

namespace parley {

BenchRun::BenchRun(const BenchSettings& settings)
    : impl_(std::make_unique<bench::BenchRunner>(settings)) {}
BenchRun::~BenchRun() = default;
void BenchRun::start() { impl_->start(); }
void BenchRun::cancel() { impl_->cancel(); }
bool BenchRun::waitFinished(int timeoutMs) { return impl_->waitFinished(timeoutMs); }
std::string BenchRun::progressJson() const { return impl_->progressJson(); }
std::string BenchRun::resultJson() const { return impl_->resultJson(); }

std::string runRawCodecBench(const BenchSettings& settings) {
  return bench::rawCodecBenchJson(settings);
}

}  // namespace parley
