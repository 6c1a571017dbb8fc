// SendSideController: the loss-based controller of draft-ietf-rmcat-gcc-02
// section 6, capped by the receiver's delay-based estimate (REMB).
#include "congestion/send_side_controller.h"

#include <algorithm>
#include <limits>

namespace parley::congestion {

namespace {
constexpr double kHighLoss = 0.10;
constexpr double kLowLoss = 0.02;
constexpr double kIncreaseFactor = 1.08;
constexpr double kIncreaseStepBps = 1000.0;
constexpr int64_t kDecreaseIntervalUs = 300'000;  // plus one RTT
}  // namespace

SendSideController::SendSideController(const Config& config) : config_(config), target_(0) {
  if (config_.maxBitrateBps < config_.minBitrateBps) config_.maxBitrateBps = config_.minBitrateBps;
  target_ = clampTarget(static_cast<double>(config_.startBitrateBps));
  // The start rate has been in force "forever" as far as the window goes.
  history_.push_back({std::numeric_limits<int64_t>::min(), target_});
}

uint64_t SendSideController::clampTarget(double bps) const {
  double capped = bps;
  if (remb_ > 0) capped = std::min(capped, static_cast<double>(remb_));
  capped = std::clamp(capped, static_cast<double>(config_.minBitrateBps),
                      static_cast<double>(config_.maxBitrateBps));
  return static_cast<uint64_t>(capped);
}

void SendSideController::setTarget(uint64_t bps, int64_t nowUs) {
  target_ = bps;
  if (!history_.empty() && history_.back().timeUs >= nowUs) {
    history_.back().bps = std::min(history_.back().bps, bps);
  } else {
    history_.push_back({nowUs, bps});
  }
  while (history_.size() > kMaxHistory) history_.pop_front();
}

uint64_t SendSideController::lowestRecentTarget(int64_t nowUs) {
  // Drop samples superseded before the window began; the one in force at
  // its start stays.
  while (history_.size() > 1 && history_[1].timeUs <= nowUs - config_.increaseIntervalUs) {
    history_.pop_front();
  }
  uint64_t lowest = target_;
  for (const Sample& s : history_) lowest = std::min(lowest, s.bps);
  return lowest;
}

void SendSideController::update(bool newLossFigure, int64_t nowUs) {
  double next = static_cast<double>(target_);
  if (lossFraction_ > kHighLoss) {
    if (newLossFigure &&
        (lastDecreaseUs_ < 0 || nowUs - lastDecreaseUs_ >= kDecreaseIntervalUs + rttMs_ * 1000)) {
      next *= 1.0 - 0.5 * lossFraction_;
      lastDecreaseUs_ = nowUs;
    }
  } else if (lossFraction_ < kLowLoss) {
    const double allowed =
        static_cast<double>(lowestRecentTarget(nowUs)) * kIncreaseFactor + kIncreaseStepBps;
    next = std::max(next, allowed);
  }
  const uint64_t target = clampTarget(next);
  if (target != target_) setTarget(target, nowUs);
}

void SendSideController::onRemb(uint64_t bitrateBps, int64_t nowUs) {
  if (bitrateBps == 0) return;  // no information (and would pin the floor)
  remb_ = bitrateBps;
  update(false, nowUs);
}

void SendSideController::onReportBlock(uint8_t fractionLost, int64_t packetsExpected, int64_t rttMs,
                                       int64_t nowUs) {
  if (rttMs > 0) rttMs_ = std::min<int64_t>(rttMs, 10'000);
  if (packetsExpected <= 0) return;  // nothing sent in the interval: no evidence either way
  lostAccumulated_ += static_cast<double>(fractionLost) / 256.0 * static_cast<double>(packetsExpected);
  expectedAccumulated_ += packetsExpected;
  if (expectedAccumulated_ < config_.minPacketsPerUpdate) return;
  lossFraction_ = lostAccumulated_ / static_cast<double>(expectedAccumulated_);
  lostAccumulated_ = 0;
  expectedAccumulated_ = 0;
  update(true, nowUs);
}

uint64_t SendSideController::targetBitrateBps() const { return target_; }

uint64_t SendSideController::lastRembBps() const { return remb_; }

double SendSideController::lastLossFraction() const { return lossFraction_; }

}  // namespace parley::congestion
