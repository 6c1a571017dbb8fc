#include "common/memory_trim.h"

#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace parley {

bool releaseFreeMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
  return true;
#else
  return false;
#endif
}

MemoryTrimmer::MemoryTrimmer(const Clock& clock, int64_t intervalUs, std::function<bool()> release)
    : clock_(clock), intervalUs_(intervalUs), release_(std::move(release)), lastUs_(clock.nowUs()) {}

bool MemoryTrimmer::maybeTrim() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const int64_t nowUs = clock_.nowUs();
    if (nowUs - lastUs_ < intervalUs_) return false;
    lastUs_ = nowUs;
    ++trims_;
  }
  // Outside the lock: a trim walks every arena and may take a few milliseconds.
  release_();
  return true;
}

int64_t MemoryTrimmer::trims() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return trims_;
}

MemoryTrimmer& processMemoryTrimmer() {
  static MemoryTrimmer trimmer(SystemClock::instance(), 30'000'000);
  return trimmer;
}

}  // namespace parley
