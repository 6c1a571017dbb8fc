#include "jitter/keyframe_requester.h"

#include <algorithm>

namespace parley::jitter {

KeyframeRequester::KeyframeRequester(int minIntervalMs)
    : minIntervalUs_(int64_t{std::max(minIntervalMs, 0)} * 1000) {}

void KeyframeRequester::request(int64_t nowUs) {
  if (pending_) return;
  pending_ = true;
  requestedUs_ = nowUs;
}

void KeyframeRequester::onKeyframeReceived() { pending_ = false; }

bool KeyframeRequester::take(int64_t nowUs) {
  if (!pending_ || nowUs < nextDueUs()) return false;
  everSent_ = true;
  lastSentUs_ = nowUs;
  ++sent_;
  return true;
}

int64_t KeyframeRequester::nextDueUs() const {
  if (!pending_) return kNoDeadline;
  if (!everSent_) return requestedUs_;
  return std::max(requestedUs_, lastSentUs_ + intervalUs());
}

void KeyframeRequester::setRttMs(int rttMs) {
  rttUs_ = int64_t{std::clamp(rttMs, 0, 10'000)} * 1000;
}

int64_t KeyframeRequester::intervalUs() const { return std::max(minIntervalUs_, 2 * rttUs_); }

}  // namespace parley::jitter
