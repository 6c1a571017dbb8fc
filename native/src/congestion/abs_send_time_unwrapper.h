// Turns the 24-bit abs-send-time (6.18 fixed-point seconds, wrapping every
// 64 s; see abs_send_time.h) into a monotonic send time in microseconds.
#ifndef PARLEY_CONGESTION_ABS_SEND_TIME_UNWRAPPER_H
#define PARLEY_CONGESTION_ABS_SEND_TIME_UNWRAPPER_H

#include <cstdint>

namespace parley::congestion {

// Each value is placed at the wrap that puts it nearest to the previous one,
// so a packet reordered across the 64 s wrap still unwraps correctly and a
// step backwards shows as a smaller time (the caller decides what to do with
// it). Only the low 24 bits of the argument are used. The first value maps
// into [0, 64 s). Jumps of more than 32 s in either direction are ambiguous
// by construction and resolve to the nearer wrap.
class AbsSendTimeUnwrapper {
 public:
  static constexpr int64_t kTicksPerSecond = int64_t{1} << 18;
  static constexpr int64_t kWrapTicks = int64_t{1} << 24;  // 64 s

  // Unwrapped time in 1/2^18 s ticks.
  int64_t unwrapTicks(uint32_t absSendTime24);
  // Unwrapped time in microseconds (rounded down).
  int64_t unwrapUs(uint32_t absSendTime24);

  static int64_t ticksToUs(int64_t ticks) { return ticks * 1'000'000 / kTicksPerSecond; }

 private:
  bool started_ = false;
  int64_t lastTicks_ = 0;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_ABS_SEND_TIME_UNWRAPPER_H
