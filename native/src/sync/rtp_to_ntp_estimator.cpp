#include "sync/rtp_to_ntp_estimator.h"

#include <algorithm>
#include <cmath>

namespace parley::sync {
namespace {

constexpr int64_t kUsPerSecond = 1'000'000;

}  // namespace

RtpToNtpEstimator::RtpToNtpEstimator() : RtpToNtpEstimator(Config{}) {}

RtpToNtpEstimator::RtpToNtpEstimator(const Config& config) : config_(config) {
  config_.clockRateHz = std::max(config_.clockRateHz, 1);
  config_.maxReports = std::max<size_t>(config_.maxReports, 1);
  config_.maxRateDeviation = std::clamp(config_.maxRateDeviation, 0.0, 0.5);
  config_.toleranceMs = std::max(config_.toleranceMs, 0);
  config_.minSpanMs = std::max(config_.minSpanMs, 1);
  config_.resetAfterRejections = std::max(config_.resetAfterRejections, 1);
  // Beyond half the RTP wrap the unwrapping below is ambiguous.
  const int64_t halfWrapMs = (int64_t{1} << 31) * 1000 / config_.clockRateHz;
  config_.maxReportGapMs = std::clamp<int64_t>(config_.maxReportGapMs, 1, halfWrapMs / 2);
  usPerTick_ = 1e6 / config_.clockRateHz;
}

int64_t RtpToNtpEstimator::ntpToUs(uint64_t ntpTimestamp) {
  const uint64_t seconds = ntpTimestamp >> 32;
  const uint64_t fraction = ntpTimestamp & 0xFFFF'FFFFu;
  // fraction * 10^6 < 2^52: no overflow; rounded to the nearest microsecond.
  return static_cast<int64_t>(seconds) * kUsPerSecond +
         static_cast<int64_t>((fraction * kUsPerSecond + (uint64_t{1} << 31)) >> 32);
}

uint64_t RtpToNtpEstimator::usToNtp(int64_t us) {
  if (us <= 0) return 0;
  const uint64_t seconds = static_cast<uint64_t>(us / kUsPerSecond);
  const uint64_t rest = static_cast<uint64_t>(us % kUsPerSecond);
  const uint64_t fraction = ((rest << 32) + kUsPerSecond / 2) / kUsPerSecond;
  return (seconds << 32) + fraction;
}

RtpToNtpEstimator::Result RtpToNtpEstimator::onSenderReport(uint64_t ntpTimestamp,
                                                            uint32_t rtpTimestamp) {
  if (ntpTimestamp == 0) {
    ++stats_.invalid;
    return Result::kInvalid;
  }
  const int64_t ntpUs = ntpToUs(ntpTimestamp);
  if (reports_.empty()) {
    reports_.push_back(Report{ntpUs, rtpTimestamp});
    newestRtp32_ = rtpTimestamp;
    ++stats_.accepted;
    fit();
    return Result::kAccepted;
  }
  const Report& newest = reports_.back();
  if (ntpUs == newest.ntpUs && rtpTimestamp == newestRtp32_) {
    ++stats_.duplicates;
    return Result::kDuplicate;
  }
  const int64_t ntpDeltaUs = ntpUs - newest.ntpUs;
  if (ntpDeltaUs > config_.maxReportGapMs * 1000) {
    restartWith(ntpUs, rtpTimestamp);
    return Result::kRestarted;
  }
  const int64_t rtpDelta = static_cast<int32_t>(rtpTimestamp - newestRtp32_);
  Result verdict = Result::kAccepted;
  if (ntpDeltaUs <= 0 || rtpDelta < 0) {
    verdict = Result::kBackwards;
  } else {
    const double expectedTicks =
        static_cast<double>(ntpDeltaUs) * config_.clockRateHz / kUsPerSecond;
    const double allowedTicks = static_cast<double>(config_.toleranceMs) * config_.clockRateHz / 1000 +
                                config_.maxRateDeviation * expectedTicks;
    if (std::fabs(static_cast<double>(rtpDelta) - expectedTicks) > allowedTicks) {
      verdict = Result::kInconsistent;
    }
  }
  if (verdict != Result::kAccepted) {
    if (verdict == Result::kBackwards) ++stats_.backwards;
    else ++stats_.inconsistent;
    if (++rejectedInRow_ >= config_.resetAfterRejections) {
      restartWith(ntpUs, rtpTimestamp);
      return Result::kRestarted;
    }
    return verdict;
  }
  reports_.push_back(Report{ntpUs, newest.rtp + rtpDelta});
  newestRtp32_ = rtpTimestamp;
  if (reports_.size() > config_.maxReports) reports_.pop_front();
  rejectedInRow_ = 0;
  ++stats_.accepted;
  fit();
  return Result::kAccepted;
}

bool RtpToNtpEstimator::estimateNtpUs(uint32_t rtpTimestamp, int64_t* ntpUs) const {
  if (reports_.empty() || ntpUs == nullptr) return false;
  const Report& newest = reports_.back();
  const double ticks = static_cast<double>(unwrap(rtpTimestamp) - newest.rtp);
  const double estimate = static_cast<double>(newest.ntpUs) + offsetUs_ + usPerTick_ * ticks;
  if (!(estimate >= 0)) return false;  // before 1900: the mapping cannot hold it
  *ntpUs = std::llround(estimate);
  return true;
}

bool RtpToNtpEstimator::estimateNtpMs(uint32_t rtpTimestamp, int64_t* ntpMs) const {
  int64_t us = 0;
  if (ntpMs == nullptr || !estimateNtpUs(rtpTimestamp, &us)) return false;
  *ntpMs = (us + 500) / 1000;
  return true;
}

void RtpToNtpEstimator::reset() {
  reports_.clear();
  newestRtp32_ = 0;
  rejectedInRow_ = 0;
  fit();
}

void RtpToNtpEstimator::restartWith(int64_t ntpUs, uint32_t rtpTimestamp) {
  reports_.clear();
  reports_.push_back(Report{ntpUs, rtpTimestamp});
  newestRtp32_ = rtpTimestamp;
  rejectedInRow_ = 0;
  ++stats_.restarts;
  fit();
}

int64_t RtpToNtpEstimator::unwrap(uint32_t rtpTimestamp) const {
  return reports_.back().rtp + static_cast<int32_t>(rtpTimestamp - newestRtp32_);
}

// Least squares over the kept pairs, coordinates relative to the newest one
// (small numbers, exact in doubles).
void RtpToNtpEstimator::fit() {
  const double nominal = 1e6 / config_.clockRateHz;
  usPerTick_ = nominal;
  offsetUs_ = 0;
  if (reports_.size() < 2) return;
  const Report& newest = reports_.back();
  const double n = static_cast<double>(reports_.size());
  double meanX = 0;
  double meanY = 0;
  for (const Report& r : reports_) {
    meanX += static_cast<double>(r.rtp - newest.rtp);
    meanY += static_cast<double>(r.ntpUs - newest.ntpUs);
  }
  meanX /= n;
  meanY /= n;
  double slope = nominal;
  if (newest.ntpUs - reports_.front().ntpUs >= int64_t{config_.minSpanMs} * 1000) {
    double sxx = 0;
    double sxy = 0;
    for (const Report& r : reports_) {
      const double dx = static_cast<double>(r.rtp - newest.rtp) - meanX;
      const double dy = static_cast<double>(r.ntpUs - newest.ntpUs) - meanY;
      sxx += dx * dx;
      sxy += dx * dy;
    }
    if (sxx > 0) {
      const double fitted = sxy / sxx;
      if (std::fabs(fitted / nominal - 1) <= config_.maxRateDeviation) slope = fitted;
    }
  }
  usPerTick_ = slope;
  offsetUs_ = meanY - slope * meanX;
}

}  // namespace parley::sync
