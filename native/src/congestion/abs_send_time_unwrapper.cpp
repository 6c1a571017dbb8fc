#include "congestion/abs_send_time_unwrapper.h"

namespace parley::congestion {

int64_t AbsSendTimeUnwrapper::unwrapTicks(uint32_t absSendTime24) {
  const int64_t value = static_cast<int64_t>(absSendTime24 & 0xFFFFFF);
  if (!started_) {
    started_ = true;
    lastTicks_ = value;
    return lastTicks_;
  }
  // Forward distance modulo 2^24, then read the upper half as a step back.
  int64_t diff = (value - (lastTicks_ & (kWrapTicks - 1))) & (kWrapTicks - 1);
  if (diff >= kWrapTicks / 2) diff -= kWrapTicks;
  lastTicks_ += diff;
  return lastTicks_;
}

int64_t AbsSendTimeUnwrapper::unwrapUs(uint32_t absSendTime24) {
  return ticksToUs(unwrapTicks(absSendTime24));
}

}  // namespace parley::congestion
