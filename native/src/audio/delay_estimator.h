// Jitter estimate and target playout delay of the audio jitter buffer.
#ifndef PARLEY_AUDIO_DELAY_ESTIMATOR_H
#define PARLEY_AUDIO_DELAY_ESTIMATOR_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace parley::audio {

// Learns how late packets arrive relative to the fastest path and turns that
// into the playout delay the jitter buffer aims for.
//
// For each packet, transit = arrival time - RTP timestamp / clock rate. The
// base is the smallest transit of the last baseWindowMs (kept as per-second
// minima, so it follows clock drift in either direction within a second or a
// window); a packet's relative delay is its transit minus the base. The relative
// delays go into a histogram of 1 ms bins with exponential forgetting (each
// packet multiplies the old weights by forgetFactor), and
//   target = min(quantile(relative delay) + margin, maxDelay)
// The target rises at once when the quantile rises and falls at most
// shrinkMsPerSecond (quick to grow, slow to shrink). A transit more than
// discontinuityMs from the base (sender restarted, timestamp jump) restarts the
// estimate. Memory: maxDelayMs + 1 bins and one minimum per second of window.
// Not thread-safe.
class DelayEstimator {
 public:
  struct Config {
    double quantile = 0.99;       // of the relative delays
    int marginMs = 10;            // on top of the quantile (pull granularity, noise)
    double forgetFactor = 0.997;  // per packet: about 330 packets (6.7 s) of memory
    int baseWindowMs = 10000;     // the fastest path is the minimum transit over this
    int shrinkMsPerSecond = 5;    // how fast the target may come down
    int initialDelayMs = 40;      // target before any jitter is known
    int discontinuityMs = 5000;
  };

  DelayEstimator(const Config& config, int maxDelayMs, int clockRate);

  // One received packet (late ones included: they are the evidence of jitter).
  void onPacket(int64_t rtpTimestamp, int64_t arrivalUs);
  // Lets the target shrink with time; call before reading targetUs.
  void update(int64_t nowUs);

  // arrival - timestamp of the fastest path; nullopt before the first packet.
  std::optional<int64_t> baseUs() const;
  int64_t targetUs() const { return targetUs_; }
  int64_t jitterUs() const { return jitterUs_; }
  int64_t maxDelayUs() const { return maxDelayUs_; }
  // RTP ticks to microseconds; |ticks| must stay within 2^52.
  int64_t ticksToUs(int64_t ticks) const;
  void reset();

 private:
  struct Bucket {
    int64_t second;  // arrival time / 1 s
    int64_t minTransitUs;
  };

  int64_t quantileUs() const;

  Config config_;
  int64_t maxDelayUs_;
  int clockRate_;
  std::deque<Bucket> buckets_;
  std::vector<double> histogram_;  // 1 ms bins, the last one open-ended
  double weight_ = 0;
  int64_t jitterUs_ = 0;
  int64_t targetUs_ = 0;
  std::optional<int64_t> lastUpdateUs_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DELAY_ESTIMATOR_H
