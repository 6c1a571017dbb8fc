#include "transport/media_timeout.h"

#include <cstdint>

namespace parley::transport {

void MediaTimeout::onPacket(int64_t nowUs) {
  if (nowUs > lastUs_) lastUs_ = nowUs;
  fired_ = false;
}

bool MediaTimeout::check(int64_t nowUs) {
  if (fired_ || nowUs - lastUs_ < timeoutUs_) return false;
  fired_ = true;
  return true;
}

int64_t MediaTimeout::deadlineUs() const { return fired_ ? INT64_MAX : lastUs_ + timeoutUs_; }

}  // namespace parley::transport
