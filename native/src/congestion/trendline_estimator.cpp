#include "congestion/trendline_estimator.h"

#include <algorithm>

namespace parley::congestion {

void TrendlineEstimator::update(int64_t sendDeltaUs, int64_t arrivalDeltaUs, int64_t arrivalUs) {
  if (!started_) {
    started_ = true;
    firstArrivalUs_ = arrivalUs;
  }
  const double variationMs = static_cast<double>(arrivalDeltaUs - sendDeltaUs) / 1000.0;
  if (deltaCount_ < config_.maxDeltaCount) ++deltaCount_;
  accumulatedDelayMs_ += variationMs;
  smoothedDelayMs_ =
      config_.smoothing * smoothedDelayMs_ + (1.0 - config_.smoothing) * accumulatedDelayMs_;
  window_.push_back({static_cast<double>(arrivalUs - firstArrivalUs_) / 1000.0, smoothedDelayMs_});
  while (window_.size() > config_.windowSize) window_.pop_front();
  if (window_.size() < config_.windowSize || window_.size() < 2) return;

  // Ordinary least squares: slope = sum((x - mx)(y - my)) / sum((x - mx)^2).
  double meanX = 0;
  double meanY = 0;
  for (const Point& p : window_) {
    meanX += p.timeMs;
    meanY += p.delayMs;
  }
  meanX /= static_cast<double>(window_.size());
  meanY /= static_cast<double>(window_.size());
  double numerator = 0;
  double denominator = 0;
  for (const Point& p : window_) {
    numerator += (p.timeMs - meanX) * (p.delayMs - meanY);
    denominator += (p.timeMs - meanX) * (p.timeMs - meanX);
  }
  // All points at one instant: no slope to learn; keep the previous one.
  if (denominator > 0) trend_ = numerator / denominator;
}

double TrendlineEstimator::modifiedTrend() const {
  return static_cast<double>(std::min(deltaCount_, config_.maxDeltaCount)) * trend_ *
         config_.thresholdGain;
}

}  // namespace parley::congestion
