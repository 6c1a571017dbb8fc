#include "audio/delay_estimator.h"

#include <algorithm>

namespace parley::audio {

DelayEstimator::DelayEstimator(const Config& config, int maxDelayMs, int clockRate)
    : config_(config),
      maxDelayUs_(int64_t{std::max(maxDelayMs, 0)} * 1000),
      clockRate_(std::max(clockRate, 1)),
      histogram_(static_cast<size_t>(std::max(maxDelayMs, 0)) + 1, 0.0) {
  config_.quantile = std::clamp(config_.quantile, 0.0, 1.0);
  config_.marginMs = std::max(config_.marginMs, 0);
  config_.forgetFactor = std::clamp(config_.forgetFactor, 0.0, 1.0);
  config_.baseWindowMs = std::max(config_.baseWindowMs, 1000);
  config_.shrinkMsPerSecond = std::max(config_.shrinkMsPerSecond, 0);
  config_.discontinuityMs = std::max(config_.discontinuityMs, 1);
  reset();
}

int64_t DelayEstimator::ticksToUs(int64_t ticks) const {
  return ticks / clockRate_ * 1'000'000 + ticks % clockRate_ * 1'000'000 / clockRate_;
}

std::optional<int64_t> DelayEstimator::baseUs() const {
  if (buckets_.empty()) return std::nullopt;
  int64_t base = buckets_.front().minTransitUs;
  for (const Bucket& bucket : buckets_) base = std::min(base, bucket.minTransitUs);
  return base;
}

void DelayEstimator::onPacket(int64_t rtpTimestamp, int64_t arrivalUs) {
  const int64_t transit = arrivalUs - ticksToUs(rtpTimestamp);
  const int64_t discontinuityUs = int64_t{config_.discontinuityMs} * 1000;
  if (const std::optional<int64_t> oldBase = baseUs();
      oldBase && (transit - *oldBase > discontinuityUs || *oldBase - transit > discontinuityUs)) {
    reset();  // timestamps jumped: the old figures describe another stream
  }
  const int64_t base = std::min(baseUs().value_or(transit), transit);
  const int64_t second = arrivalUs / 1'000'000;
  if (buckets_.empty() || second > buckets_.back().second) {
    buckets_.push_back(Bucket{second, transit});
  } else {
    buckets_.back().minTransitUs = std::min(buckets_.back().minTransitUs, transit);
  }
  const int64_t windowSeconds = config_.baseWindowMs / 1000;
  while (buckets_.size() > 1 && buckets_.back().second - buckets_.front().second >= windowSeconds) {
    buckets_.pop_front();
  }
  const int64_t relativeUs = transit - base;
  const size_t bin = static_cast<size_t>(
      std::min<int64_t>(relativeUs / 1000, static_cast<int64_t>(histogram_.size()) - 1));
  for (double& value : histogram_) value *= config_.forgetFactor;
  weight_ = weight_ * config_.forgetFactor + 1.0;
  histogram_[bin] += 1.0;
  jitterUs_ = quantileUs();
  const int64_t wanted = std::min(maxDelayUs_, jitterUs_ + int64_t{config_.marginMs} * 1000);
  if (wanted > targetUs_) targetUs_ = wanted;
  update(arrivalUs);
}

void DelayEstimator::update(int64_t nowUs) {
  if (lastUpdateUs_ && nowUs > *lastUpdateUs_ && weight_ > 0) {
    const int64_t wanted = std::min(maxDelayUs_, jitterUs_ + int64_t{config_.marginMs} * 1000);
    if (targetUs_ > wanted) {
      const int64_t step = (nowUs - *lastUpdateUs_) * config_.shrinkMsPerSecond / 1000;
      targetUs_ = std::max(wanted, targetUs_ - step);
    }
  }
  if (!lastUpdateUs_ || nowUs > *lastUpdateUs_) lastUpdateUs_ = nowUs;
}

int64_t DelayEstimator::quantileUs() const {
  const double wanted = config_.quantile * weight_;
  double sum = 0;
  for (size_t bin = 0; bin < histogram_.size(); ++bin) {
    sum += histogram_[bin];
    if (sum >= wanted) return static_cast<int64_t>(bin + 1) * 1000;  // upper edge of the bin
  }
  return static_cast<int64_t>(histogram_.size()) * 1000;
}

void DelayEstimator::reset() {
  buckets_.clear();
  std::fill(histogram_.begin(), histogram_.end(), 0.0);
  weight_ = 0;
  jitterUs_ = 0;
  targetUs_ = std::min(maxDelayUs_, int64_t{std::max(config_.initialDelayMs, 0)} * 1000);
  lastUpdateUs_.reset();
}

}  // namespace parley::audio
