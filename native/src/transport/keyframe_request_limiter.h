// Sender side of keyframe requests: however many PLIs arrive (several
// receivers, or one repeating its request while the keyframe is on its way),
// the encoder is asked for at most one keyframe per interval.
#ifndef PARLEY_TRANSPORT_KEYFRAME_REQUEST_LIMITER_H
#define PARLEY_TRANSPORT_KEYFRAME_REQUEST_LIMITER_H

#include <cstdint>

namespace parley::transport {

// One per send stream. onRequest() answers whether this request should reach
// the encoder (true) or is folded into one forwarded less than minIntervalUs
// ago (false, counted). Time only through arguments; not thread-safe.
// (Receiver-side PLI pacing is jitter::KeyframeRequester's job.)
class KeyframeRequestLimiter {
 public:
  static constexpr int64_t kDefaultMinIntervalUs = 300'000;

  explicit KeyframeRequestLimiter(int64_t minIntervalUs = kDefaultMinIntervalUs)
      : minIntervalUs_(minIntervalUs) {}

  bool onRequest(int64_t nowUs);

  uint64_t forwarded() const { return forwarded_; }
  uint64_t suppressed() const { return suppressed_; }

 private:
  int64_t minIntervalUs_;
  bool any_ = false;
  int64_t lastForwardedUs_ = 0;
  uint64_t forwarded_ = 0;
  uint64_t suppressed_ = 0;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_KEYFRAME_REQUEST_LIMITER_H
