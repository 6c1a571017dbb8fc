// The over-use detector of draft-ietf-rmcat-gcc-02 section 5.4: compares the
// delay-gradient estimate m(i) against an adaptive threshold gamma(i) and
// signals over-use, under-use or normal.
#ifndef PARLEY_CONGESTION_OVERUSE_DETECTOR_H
#define PARLEY_CONGESTION_OVERUSE_DETECTOR_H

#include <cstdint>

namespace parley::congestion {

enum class BandwidthUsage { kNormal, kOverusing, kUnderusing };

const char* toString(BandwidthUsage usage);

// Over-use is signalled only once m(i) has stayed above gamma for more than
// overuseTimeUs (the draft's overuse_time_th) over at least two updates and
// is not falling; under-use as soon as m(i) < -gamma.
// The threshold follows |m| (section 5.4, equation for del_var_th):
//   gamma(i) = gamma(i-1) + dt * k(i) * (|m(i)| - gamma(i-1)),
//   k = kDown when |m| < gamma, else kUp; dt capped at 100 ms;
// skipped when |m| exceeds gamma by more than 15 (a spike such as a route
// change must not drag the threshold up); kept in [minThreshold, maxThreshold].
// Section 5.6 gives K_u = 0.01 and K_d = 0.00018 for the Kalman filter's m(i);
// the defaults here are those tuned for the trendline filter's scaled slope
// (libwebrtc's values), which lets the threshold come down to meet a small
// gradient quickly. The floor is 3 rather than libwebrtc's 6: with 6 a
// queue must grow by 2.5% of the link rate before it is seen, and the
// closed-loop test then peaks 2-3% above a 1 Mbps cap; with 3 it stays
// under it. The cost: uncorrelated jitter larger than the frame interval
// can raise a rare false over-use (delay_gradient_test measures both).
// Not thread-safe.
class OveruseDetector {
 public:
  struct Config {
    double initialThreshold = 12.5;
    double kUp = 0.0087;
    double kDown = 0.039;
    double minThreshold = 3.0;  // see above
    double maxThreshold = 600.0;
    double maxSpikeAboveThreshold = 15.0;
    int64_t overuseTimeUs = 10'000;
  };

  OveruseDetector() : OveruseDetector(Config{}) {}
  explicit OveruseDetector(const Config& config)
      : config_(config), threshold_(config.initialThreshold) {}

  // modifiedTrend: m(i) in threshold units; sendDeltaUs: the inter-group send
  // delta the sample covers (how long m(i) has been above the threshold).
  BandwidthUsage detect(double modifiedTrend, int64_t sendDeltaUs, int64_t nowUs);
  BandwidthUsage state() const { return state_; }
  double threshold() const { return threshold_; }

 private:
  void updateThreshold(double modifiedTrend, int64_t nowUs);

  Config config_;
  double threshold_;
  int64_t lastThresholdUpdateUs_ = -1;
  double timeOverUsingUs_ = -1;
  int overuseCount_ = 0;
  double previousTrend_ = 0;
  BandwidthUsage state_ = BandwidthUsage::kNormal;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_OVERUSE_DETECTOR_H
