// Estimates the queuing-delay gradient m(i) of draft-ietf-rmcat-gcc-02
// section 5.3 from the inter-group deltas of InterArrival. Instead of the
// draft's Kalman filter it fits a least-squares line through the smoothed
// accumulated one-way delay variation of the last windowSize groups (the
// "trendline" filter that replaced the Kalman filter in libwebrtc); the
// slope is scaled so that it compares against the over-use detector's
// threshold (section 5.4) the way the draft's m(i) in milliseconds does.
#ifndef PARLEY_CONGESTION_TRENDLINE_ESTIMATOR_H
#define PARLEY_CONGESTION_TRENDLINE_ESTIMATOR_H

#include <cstddef>
#include <cstdint>
#include <deque>

namespace parley::congestion {

// Feed one update per completed group; read modifiedTrend() afterwards.
// Until the window is full the trend stays 0 (no verdict on too little data).
// Bounded: keeps windowSize points. Not thread-safe.
class TrendlineEstimator {
 public:
  struct Config {
    size_t windowSize = 20;
    double smoothing = 0.9;      // exponential smoothing of the accumulated delay
    double thresholdGain = 4.0;  // scales the slope into threshold units
    int maxDeltaCount = 60;      // the trend gains weight with up to this many deltas
  };

  TrendlineEstimator() : TrendlineEstimator(Config{}) {}
  explicit TrendlineEstimator(const Config& config) : config_(config) {}

  // d(i) = arrivalDelta - sendDelta (section 5.1), at the group's arrival time.
  void update(int64_t sendDeltaUs, int64_t arrivalDeltaUs, int64_t arrivalUs);
  // Slope of the delay (ms of queuing delay per ms of time), 0 before the window fills.
  double trend() const { return trend_; }
  // The value the over-use detector compares against its threshold.
  double modifiedTrend() const;
  int deltaCount() const { return deltaCount_; }

 private:
  struct Point {
    double timeMs;
    double delayMs;
  };

  Config config_;
  std::deque<Point> window_;
  bool started_ = false;
  int64_t firstArrivalUs_ = 0;
  double accumulatedDelayMs_ = 0;
  double smoothedDelayMs_ = 0;
  double trend_ = 0;
  int deltaCount_ = 0;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_TRENDLINE_ESTIMATOR_H
