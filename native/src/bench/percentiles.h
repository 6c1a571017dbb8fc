// Order statistics of a series of measurements (latency, encode time, ...).
#ifndef PARLEY_BENCH_PERCENTILES_H
#define PARLEY_BENCH_PERCENTILES_H

#include <cstddef>
#include <vector>

namespace parley::bench {

// Collects samples and answers percentiles (nearest-rank). Bounded: past
// `capacity` samples it keeps a uniform reservoir so memory stays flat on long
// runs, while count(), min, max and mean stay exact.
class Percentiles {
 public:
  explicit Percentiles(size_t capacity = 1 << 20) : capacity_(capacity) {}

  void add(double value);
  // Allocates and touches room for `samples` (up to the capacity) now, so a
  // run's own bookkeeping does not show up as memory growth later.
  void prepare(size_t samples);
  size_t count() const { return count_; }
  double percentile(double p) const;  // p in [0, 100]; 0 when empty
  double min() const { return count_ ? min_ : 0; }
  double max() const { return count_ ? max_ : 0; }
  double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }

 private:
  size_t capacity_;
  size_t count_ = 0;
  double sum_ = 0;
  double min_ = 0;
  double max_ = 0;
  unsigned long long rng_ = 0x9E3779B97F4A7C15ULL;
  std::vector<double> samples_;
};

}  // namespace parley::bench

#endif  // PARLEY_BENCH_PERCENTILES_H
