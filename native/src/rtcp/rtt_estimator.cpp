// RTT from LSR/DLSR (RFC 3550 section 6.4.1); see rtt_estimator.h.
#include "rtcp/rtt_estimator.h"

#include <algorithm>

namespace parley::rtcp {
namespace {

constexpr int64_t kUsPerSecond = 1000000;

}  // namespace

uint64_t ntpFromUnixUs(int64_t unixUs) {
  if (unixUs < 0) unixUs = 0;
  const uint64_t seconds = static_cast<uint64_t>(unixUs / kUsPerSecond);
  const uint64_t micros = static_cast<uint64_t>(unixUs % kUsPerSecond);
  // Fraction: micros * 2^32 / 10^6, rounded to nearest.
  const uint64_t fraction = ((micros << 32) + kUsPerSecond / 2) / kUsPerSecond;
  return ((seconds + kNtpUnixEpochOffsetSeconds) << 32) + fraction;
}

int64_t unixUsFromNtp(uint64_t ntp) {
  const int64_t seconds = static_cast<int64_t>(ntp >> 32) - int64_t{kNtpUnixEpochOffsetSeconds};
  const uint64_t fraction = ntp & 0xFFFFFFFFu;
  const int64_t micros = static_cast<int64_t>((fraction * kUsPerSecond + (1ull << 31)) >> 32);
  return seconds * kUsPerSecond + micros;
}

uint32_t durationToCompactNtp(int64_t us) {
  if (us <= 0) return 0;
  // Beyond 2^32 / 65536 s the field saturates; the cap also keeps us * 65536 in range.
  constexpr int64_t kMaxUs = int64_t{0xFFFFFFFF} * kUsPerSecond / 65536;
  if (us >= kMaxUs) return 0xFFFFFFFFu;
  return static_cast<uint32_t>((us * 65536 + kUsPerSecond / 2) / kUsPerSecond);
}

int64_t compactNtpToUs(uint32_t units) { return (int64_t{units} * kUsPerSecond + 32768) / 65536; }

std::optional<uint32_t> roundTripTime(uint32_t arrival, uint32_t lastSr, uint32_t dlsr) {
  if (lastSr == 0) return std::nullopt;
  const uint32_t rtt = arrival - lastSr - dlsr;  // modulo 2^32, like the fields
  if (static_cast<int32_t>(rtt) < 0) return std::nullopt;
  return rtt;
}

void RttEstimator::onSenderReportSent(uint64_t ntpTimestamp) {
  sentCompactNtp_.push_back(compactNtp(ntpTimestamp));
  if (sentCompactNtp_.size() > kSentReportsKept) sentCompactNtp_.pop_front();
}

std::optional<uint32_t> RttEstimator::onReportBlock(const ReportBlock& block, uint64_t arrivalNtp) {
  if (std::find(sentCompactNtp_.begin(), sentCompactNtp_.end(), block.lastSr) ==
      sentCompactNtp_.end()) {
    return std::nullopt;
  }
  const std::optional<uint32_t> rtt =
      roundTripTime(compactNtp(arrivalNtp), block.lastSr, block.delaySinceLastSr);
  if (rtt) lastRtt_ = rtt;
  return rtt;
}

std::optional<int64_t> RttEstimator::lastRttUs() const {
  if (!lastRtt_) return std::nullopt;
  return compactNtpToUs(*lastRtt_);
}

}  // namespace parley::rtcp
