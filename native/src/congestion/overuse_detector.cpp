#include "congestion/overuse_detector.h"

#include <algorithm>
#include <cmath>

namespace parley::congestion {

const char* toString(BandwidthUsage usage) {
  switch (usage) {
    case BandwidthUsage::kNormal: return "normal";
    case BandwidthUsage::kOverusing: return "overusing";
    case BandwidthUsage::kUnderusing: return "underusing";
  }
  return "unknown";
}

BandwidthUsage OveruseDetector::detect(double modifiedTrend, int64_t sendDeltaUs, int64_t nowUs) {
  if (modifiedTrend > threshold_) {
    // Section 5.4: count how long the estimate has stayed above gamma; the
    // first sample only counts half its interval (it crossed somewhere inside).
    if (timeOverUsingUs_ < 0) {
      timeOverUsingUs_ = static_cast<double>(sendDeltaUs) / 2.0;
    } else {
      timeOverUsingUs_ += static_cast<double>(sendDeltaUs);
    }
    ++overuseCount_;
    if (timeOverUsingUs_ > static_cast<double>(config_.overuseTimeUs) && overuseCount_ > 1 &&
        modifiedTrend >= previousTrend_) {
      timeOverUsingUs_ = 0;
      overuseCount_ = 0;
      state_ = BandwidthUsage::kOverusing;
    }
  } else if (modifiedTrend < -threshold_) {
    timeOverUsingUs_ = -1;
    overuseCount_ = 0;
    state_ = BandwidthUsage::kUnderusing;
  } else {
    timeOverUsingUs_ = -1;
    overuseCount_ = 0;
    state_ = BandwidthUsage::kNormal;
  }
  previousTrend_ = modifiedTrend;
  updateThreshold(modifiedTrend, nowUs);
  return state_;
}

void OveruseDetector::updateThreshold(double modifiedTrend, int64_t nowUs) {
  if (lastThresholdUpdateUs_ < 0) lastThresholdUpdateUs_ = nowUs;
  const double magnitude = std::fabs(modifiedTrend);
  if (magnitude > threshold_ + config_.maxSpikeAboveThreshold) {
    lastThresholdUpdateUs_ = nowUs;
    return;
  }
  const double k = magnitude < threshold_ ? config_.kDown : config_.kUp;
  const int64_t dtMs = std::clamp<int64_t>((nowUs - lastThresholdUpdateUs_) / 1000, 0, 100);
  threshold_ += k * (magnitude - threshold_) * static_cast<double>(dtMs);
  threshold_ = std::clamp(threshold_, config_.minThreshold, config_.maxThreshold);
  lastThresholdUpdateUs_ = nowUs;
}

}  // namespace parley::congestion
