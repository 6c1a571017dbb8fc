// Hands memory the allocator holds but no longer uses back to the system.
//
// A call allocates in bursts: a keyframe, a queue that grows while the CPU is
// starved, the JIT of the Java host compiling a large method. glibc keeps what
// such a burst freed in its per-thread arenas, so the process's resident size
// ratchets up to each burst's high-water mark and stays there, which over a
// long call looks like a leak. Trimming now and then (malloc_trim(3), which
// also gives back whole free pages inside the arenas) keeps the resident size
// close to what is really in use. Elsewhere than glibc it does nothing.
#ifndef PARLEY_COMMON_MEMORY_TRIM_H
#define PARLEY_COMMON_MEMORY_TRIM_H

#include <cstdint>
#include <functional>
#include <mutex>

#include "common/clock.h"

namespace parley {

// Returns free allocator memory to the system now (glibc); false where unsupported.
bool releaseFreeMemory();

// Calls a release function at most once per interval, whoever asks. Thread-safe:
// several calls' housekeeping threads may share one (see processMemoryTrimmer()).
class MemoryTrimmer {
 public:
  MemoryTrimmer(const Clock& clock, int64_t intervalUs,
                std::function<bool()> release = releaseFreeMemory);

  // Releases if the interval has passed since the last release (or since
  // construction); returns whether it did.
  bool maybeTrim();
  int64_t trims() const;

 private:
  const Clock& clock_;
  const int64_t intervalUs_;
  const std::function<bool()> release_;
  mutable std::mutex mutex_;
  int64_t lastUs_;
  int64_t trims_ = 0;
};

// The process's one trimmer on the system clock, every 30 s.
MemoryTrimmer& processMemoryTrimmer();

}  // namespace parley

#endif  // PARLEY_COMMON_MEMORY_TRIM_H
