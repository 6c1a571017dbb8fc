// Bitrate over a sliding window of recent byte counts (the incoming bitrate
// R_hat of draft-ietf-rmcat-gcc-02 section 5.5, measured over 500 ms).
#ifndef PARLEY_CONGESTION_RATE_WINDOW_H
#define PARLEY_CONGESTION_RATE_WINDOW_H

#include <cstddef>
#include <cstdint>
#include <deque>

namespace parley::congestion {

// add() records bytes at a time; bitrateBps(now) is the bits of the samples
// in (now - windowUs, now] divided by windowUs. valid(now) says whether a
// whole window has passed since the first sample (before that the rate reads
// low). Bounded: at most maxSamples samples; beyond that the oldest go
// (counted in droppedSamples()), which can only make the rate read low.
// Times must not go backwards by more than the window (older samples are
// simply pruned). Not thread-safe.
class RateWindow {
 public:
  explicit RateWindow(int64_t windowUs = 500'000, size_t maxSamples = 8192)
      : windowUs_(windowUs), maxSamples_(maxSamples) {}

  void add(int64_t nowUs, size_t bytes);
  uint64_t bitrateBps(int64_t nowUs) const;
  bool valid(int64_t nowUs) const;
  uint64_t droppedSamples() const { return dropped_; }

 private:
  struct Sample {
    int64_t timeUs;
    size_t bytes;
  };

  void prune(int64_t nowUs);

  int64_t windowUs_;
  size_t maxSamples_;
  std::deque<Sample> samples_;
  uint64_t bytesInWindow_ = 0;
  bool started_ = false;
  int64_t firstUs_ = 0;
  uint64_t dropped_ = 0;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_RATE_WINDOW_H
