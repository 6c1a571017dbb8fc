#include "transport/keyframe_request_limiter.h"

namespace parley::transport {

bool KeyframeRequestLimiter::onRequest(int64_t nowUs) {
  if (any_ && nowUs - lastForwardedUs_ < minIntervalUs_) {
    ++suppressed_;
    return false;
  }
  any_ = true;
  lastForwardedUs_ = nowUs;
  ++forwarded_;
  return true;
}

}  // namespace parley::transport
