#include "bench/percentiles.h"

#include <algorithm>
#include <cmath>

namespace parley::bench {

void Percentiles::prepare(size_t samples) {
  if (samples_.capacity() >= std::min(samples, capacity_)) return;
  const std::vector<double> kept = samples_;
  samples_.assign(std::min(samples, capacity_), 0.0);  // written, so resident
  samples_.assign(kept.begin(), kept.end());
}

void Percentiles::add(double value) {
  if (count_ == 0) {
    min_ = max_ = value;
  }
  min_ = std::min(min_, value);
  max_ = std::max(max_, value);
  sum_ += value;
  ++count_;
  if (samples_.size() < capacity_) {
    samples_.push_back(value);
    return;
  }
  // Reservoir sampling (Vitter's algorithm R) with a xorshift generator.
  rng_ ^= rng_ << 13;
  rng_ ^= rng_ >> 7;
  rng_ ^= rng_ << 17;
  const size_t slot = static_cast<size_t>(rng_ % count_);
  if (slot < capacity_) {
    samples_[slot] = value;
  }
}

double Percentiles::percentile(double p) const {
  if (samples_.empty()) {
    return 0;
  }
  std::vector<double> sorted(samples_);
  std::sort(sorted.begin(), sorted.end());
  const double clamped = std::clamp(p, 0.0, 100.0);
  const auto rank = static_cast<size_t>(std::ceil(clamped / 100.0 * static_cast<double>(sorted.size())));
  return sorted[rank == 0 ? 0 : rank - 1];
}

}  // namespace parley::bench
