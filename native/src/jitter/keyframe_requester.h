// Rate limiter for keyframe requests (RFC 4585 PLI) of one video stream.
#ifndef PARLEY_JITTER_KEYFRAME_REQUESTER_H
#define PARLEY_JITTER_KEYFRAME_REQUESTER_H

#include <cstdint>

namespace parley::jitter {

// Remembers that a keyframe is needed and says when to send a PLI: at once the
// first time, then again every interval while the keyframe has not come, where
// interval = max(minIntervalMs, 2 x RTT) (a new keyframe needs at least a round
// trip plus the time to send it, so asking sooner only costs the sender
// bitrate). A complete keyframe ends the need. The caller must poll take()
// (nextDueUs() says when) and send a PLI each time it returns true.
// Not thread-safe.
class KeyframeRequester {
 public:
  static constexpr int64_t kNoDeadline = INT64_MAX;

  explicit KeyframeRequester(int minIntervalMs);

  // A keyframe is needed from nowUs on (idempotent while one is pending).
  void request(int64_t nowUs);
  // A complete keyframe arrived: nothing more to ask for.
  void onKeyframeReceived();
  // Whether a PLI should be sent now; counts it when true.
  bool take(int64_t nowUs);
  // When take() would next return true; kNoDeadline if nothing is pending.
  int64_t nextDueUs() const;
  void setRttMs(int rttMs);

  bool pending() const { return pending_; }
  uint64_t requestsSent() const { return sent_; }

 private:
  int64_t intervalUs() const;

  int64_t minIntervalUs_;
  int64_t rttUs_ = 0;
  bool pending_ = false;
  int64_t requestedUs_ = 0;
  bool everSent_ = false;
  int64_t lastSentUs_ = 0;
  uint64_t sent_ = 0;
};

}  // namespace parley::jitter

#endif  // PARLEY_JITTER_KEYFRAME_REQUESTER_H
