// Notices that the peer has gone silent: no authenticated packet (RTP or
// RTCP) for timeoutUs.
#ifndef PARLEY_TRANSPORT_MEDIA_TIMEOUT_H
#define PARLEY_TRANSPORT_MEDIA_TIMEOUT_H

#include <cstdint>

namespace parley::transport {

// The clock starts at construction (a call that never receives anything
// times out too). check() returns true exactly once per silence: after it
// fired, only a new packet re-arms it. Time only through arguments; not
// thread-safe.
class MediaTimeout {
 public:
  static constexpr int64_t kDefaultTimeoutUs = 10'000'000;

  MediaTimeout(int64_t timeoutUs, int64_t startUs) : timeoutUs_(timeoutUs), lastUs_(startUs) {}

  // An authenticated packet from the peer arrived.
  void onPacket(int64_t nowUs);
  // True once when the silence reaches timeoutUs.
  bool check(int64_t nowUs);
  // When check() could next fire (for a worker's sleep); INT64_MAX when fired.
  int64_t deadlineUs() const;
  bool timedOut() const { return fired_; }

 private:
  int64_t timeoutUs_;
  int64_t lastUs_;
  bool fired_ = false;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_MEDIA_TIMEOUT_H
