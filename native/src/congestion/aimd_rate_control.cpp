#include "congestion/aimd_rate_control.h"

#include <algorithm>
#include <cmath>

namespace parley::congestion {

namespace {
constexpr double kFramesPerSecond = 30.0;      // section 5.5: expected packet size at 30 fps
constexpr double kMaxPacketBits = 1200.0 * 8;  // MTU-sized media packets
constexpr double kMinIncreaseBps = 1000.0;
constexpr double kAboveCeilingIncreaseShare = 0.25;
constexpr double kDrainingRatio = 1.05;
}  // namespace

AimdRateControl::AimdRateControl(const Config& config)
    : config_(config), estimate_(static_cast<double>(config.startBitrateBps)) {
  estimate_ = clamp(estimate_);
}

void AimdRateControl::setRttMs(int64_t rttMs) {
  if (rttMs > 0) rttMs_ = std::min<int64_t>(rttMs, 10'000);
}

double AimdRateControl::clamp(double bps) const {
  return std::clamp(bps, static_cast<double>(config_.minBitrateBps),
                    static_cast<double>(config_.maxBitrateBps));
}

void AimdRateControl::transition(BandwidthUsage usage) {
  switch (usage) {
    case BandwidthUsage::kOverusing:
      state_ = State::kDecrease;
      break;
    case BandwidthUsage::kUnderusing:
      state_ = State::kHold;
      break;
    case BandwidthUsage::kNormal:
      if (state_ == State::kHold) state_ = State::kIncrease;
      break;
  }
}

double AimdRateControl::stdMaxKbps() const { return std::sqrt(varMaxKbps_ * avgMaxKbps_); }

double AimdRateControl::multiplicativeIncrease(int64_t nowUs) const {
  const double seconds =
      lastUpdateUs_ < 0 ? 0.0 : std::min(1.0, static_cast<double>(nowUs - lastUpdateUs_) / 1e6);
  const double eta = std::pow(config_.multiplicativeIncreasePerSecond, seconds);
  return std::max(kMinIncreaseBps * seconds, estimate_ * (eta - 1.0));
}

double AimdRateControl::additiveIncrease(int64_t nowUs) const {
  // Section 5.5: about half an average packet per response time.
  const double responseUs = 100'000.0 + static_cast<double>(rttMs_) * 1000.0;
  const double elapsedUs = lastUpdateUs_ < 0 ? 0.0 : static_cast<double>(nowUs - lastUpdateUs_);
  const double alpha = 0.5 * std::min(elapsedUs / responseUs, 1.0);
  const double bitsPerFrame = estimate_ / kFramesPerSecond;
  const double packetsPerFrame = std::ceil(bitsPerFrame / kMaxPacketBits);
  const double packetBits = bitsPerFrame / std::max(packetsPerFrame, 1.0);
  return std::max(kMinIncreaseBps * std::min(elapsedUs / responseUs, 1.0), alpha * packetBits);
}

void AimdRateControl::trackDecreaseRate(double incomingBps) {
  const double kbps = incomingBps / 1000.0;
  const double alpha = 0.05;
  if (avgMaxKbps_ < 0) {
    avgMaxKbps_ = kbps;
  } else {
    avgMaxKbps_ = (1 - alpha) * avgMaxKbps_ + alpha * kbps;
  }
  // Variance normalized by the average, so its spread scales with the rate.
  const double norm = std::max(avgMaxKbps_, 1.0);
  varMaxKbps_ = (1 - alpha) * varMaxKbps_ + alpha * (avgMaxKbps_ - kbps) * (avgMaxKbps_ - kbps) / norm;
  varMaxKbps_ = std::clamp(varMaxKbps_, 0.4, 2.5);
}

uint64_t AimdRateControl::update(BandwidthUsage usage, uint64_t incomingBps, int64_t nowUs) {
  const double incoming = static_cast<double>(incomingBps);
  if (!initialized_) {
    if (incomingBps == 0) return estimateBps();
    initialized_ = true;
    estimate_ = clamp(incoming);
    lastUpdateUs_ = nowUs;
  }
  transition(usage);
  switch (state_) {
    case State::kHold:
      break;
    case State::kIncrease: {
      if (avgMaxKbps_ >= 0 && incoming / 1000.0 > avgMaxKbps_ + 3 * stdMaxKbps()) {
        avgMaxKbps_ = -1;  // the path got faster: forget the old ceiling
      }
      // Receiving clearly faster than the rate the sender was told means a
      // queue on the path is still emptying: let it (as under-use would),
      // instead of refilling it as soon as the gradient flattens.
      if (incomingBps > 0 && incoming > kDrainingRatio * estimate_) break;
      double increase =
          nearConvergence() ? additiveIncrease(nowUs) : multiplicativeIncrease(nowUs);
      // Past the learnt ceiling the path is already full, or about to be:
      // probe gently so the detector sees the queue start before the sender
      // is far beyond it.
      if (nearConvergence() && estimate_ / 1000.0 > avgMaxKbps_) {
        increase *= kAboveCeilingIncreaseShare;
      }
      double next = estimate_ + increase;
      // Section 5.5: A_hat < 1.5 * R_hat; never raise past it, but an
      // estimate already above it (the sender sent less) is not cut either.
      const double limit = 1.5 * incoming + 10'000.0;
      if (incomingBps > 0 && next > limit) next = std::max(estimate_, limit);
      estimate_ = clamp(next);
      break;
    }
    case State::kDecrease: {
      const double base = incomingBps > 0 ? incoming : estimate_;
      // Over-use never raises the estimate (R_hat may lag above A_hat).
      const double next = std::min(config_.beta * base, estimate_);
      if (incomingBps > 0) {
        // A rate far below the learnt ceiling: the path got slower; start over.
        if (avgMaxKbps_ >= 0 && incoming / 1000.0 < avgMaxKbps_ - 3 * stdMaxKbps()) avgMaxKbps_ = -1;
        trackDecreaseRate(incoming);
      }
      estimate_ = clamp(next);
      state_ = State::kHold;
      break;
    }
  }
  // Increases are proportional to the time since the previous update.
  lastUpdateUs_ = nowUs;
  return estimateBps();
}

}  // namespace parley::congestion
