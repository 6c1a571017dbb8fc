#include "jitter/playout_delay.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace parley::jitter {

PlayoutDelay::PlayoutDelay(const Config& config, int maxDelayMs)
    : config_(config), maxDelayUs_(int64_t{std::max(maxDelayMs, 0)} * 1000) {
  config_.quantile = std::clamp(config_.quantile, 0.0, 1.0);
  config_.marginMs = std::max(config_.marginMs, 0);
  config_.windowMs = std::max(config_.windowMs, 1);
  config_.maxSamples = std::max<size_t>(config_.maxSamples, 1);
  config_.shrinkMsPerSecond = std::max(config_.shrinkMsPerSecond, 0);
  config_.discontinuityMs = std::max(config_.discontinuityMs, 1);
}

void PlayoutDelay::onFrameComplete(int64_t rtpTimestamp, int64_t completeUs, bool retransmitted,
                                   int64_t sendUs) {
  if (!retransmitted) {
    dropOldSamples(completeUs);
    const bool sendDomain = sendUs != kNoSendTime;
    const int64_t rtpTransit = completeUs - rtpToUs(rtpTimestamp);
    const int64_t transit = sendDomain ? completeUs - sendUs : rtpTransit;
    int64_t base = transit;
    int64_t rtpBase = rtpTransit;
    if (!samples_.empty()) {
      const int64_t oldBase = minTransit();
      const int64_t oldRtpBase = minRtpTransit();
      const int64_t discontinuityUs = int64_t{config_.discontinuityMs} * 1000;
      const auto far = [discontinuityUs](int64_t a, int64_t b) {
        return a - b > discontinuityUs || b - a > discontinuityUs;
      };
      if (sendDomain != sendDomain_ || far(transit, oldBase) || far(rtpTransit, oldRtpBase)) {
        // Timestamps (or send times) jumped, or the reference changed: the
        // old samples describe another stream.
        samples_.clear();
      } else {
        base = std::min(oldBase, transit);
        rtpBase = std::min(oldRtpBase, rtpTransit);
      }
    }
    sendDomain_ = sendDomain;
    samples_.push_back(Sample{completeUs, transit, rtpTransit, transit - base});
    if (samples_.size() > config_.maxSamples) samples_.pop_front();
    baseUs_ = base;
    rtpBaseUs_ = rtpBase;
    jitterUs_ = quantileOfRelative();
  }
  updateDelay(completeUs);
}

std::optional<int64_t> PlayoutDelay::expectedArrivalUs(int64_t rtpTimestamp, int64_t sendUs) const {
  if (sendDomain_ && sendUs != kNoSendTime && baseUs_) return sendUs + *baseUs_;
  if (!rtpBaseUs_) return std::nullopt;
  return rtpToUs(rtpTimestamp) + *rtpBaseUs_;
}

void PlayoutDelay::setMinimumDelayMs(int minimumMs) {
  minimumUs_ = std::clamp<int64_t>(int64_t{minimumMs} * 1000, 0, maxDelayUs_);
}

void PlayoutDelay::reset() {
  samples_.clear();
  baseUs_.reset();
  rtpBaseUs_.reset();
  sendDomain_ = false;
  jitterUs_ = 0;
  targetUs_ = 0;
  currentUs_ = 0;
  lastUpdateUs_.reset();
}

void PlayoutDelay::dropOldSamples(int64_t nowUs) {
  const int64_t windowUs = int64_t{config_.windowMs} * 1000;
  while (!samples_.empty() && nowUs - samples_.front().atUs > windowUs) samples_.pop_front();
}

int64_t PlayoutDelay::minTransit() const {
  int64_t min = samples_.front().transitUs;
  for (const Sample& sample : samples_) min = std::min(min, sample.transitUs);
  return min;
}

int64_t PlayoutDelay::minRtpTransit() const {
  int64_t min = samples_.front().rtpTransitUs;
  for (const Sample& sample : samples_) min = std::min(min, sample.rtpTransitUs);
  return min;
}

int64_t PlayoutDelay::quantileOfRelative() const {
  if (samples_.empty()) return 0;
  std::vector<int64_t> values;
  values.reserve(samples_.size());
  for (const Sample& sample : samples_) values.push_back(sample.relativeUs);
  const double rank = std::ceil(config_.quantile * static_cast<double>(values.size()));
  const size_t index = std::min(values.size() - 1, static_cast<size_t>(std::max(rank, 1.0)) - 1);
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                   values.end());
  return values[index];
}

void PlayoutDelay::updateDelay(int64_t nowUs) {
  const int64_t marginUs = int64_t{config_.marginMs} * 1000;
  const int64_t excessUs = std::max<int64_t>(0, jitterUs_ - int64_t{config_.toleratedJitterMs} * 1000);
  targetUs_ = std::clamp<int64_t>(excessUs + std::min(excessUs, marginUs), 0, maxDelayUs_);
  // Capped at an hour so the arithmetic below cannot overflow.
  const int64_t elapsedUs =
      lastUpdateUs_ ? std::clamp<int64_t>(nowUs - *lastUpdateUs_, 0, 3'600'000'000) : 0;
  lastUpdateUs_ = nowUs;
  if (targetUs_ >= currentUs_) {
    currentUs_ = targetUs_;
  } else {
    const int64_t stepUs = elapsedUs * config_.shrinkMsPerSecond / 1000;
    currentUs_ = std::max(targetUs_, currentUs_ - stepUs);
  }
}

}  // namespace parley::jitter
