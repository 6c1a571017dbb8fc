// Time source for every component that depends on time. Production code uses
// SystemClock; tests use tests/support/fake_clock.h and never sleep.
#ifndef PARLEY_COMMON_CLOCK_H
#define PARLEY_COMMON_CLOCK_H

#include <cstdint>

namespace parley {

// Monotonic time in microseconds. Only differences are meaningful.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t nowUs() const = 0;
  int64_t nowMs() const { return nowUs() / 1000; }
};

// std::chrono::steady_clock. Thread-safe; one shared instance is enough.
class SystemClock final : public Clock {
 public:
  int64_t nowUs() const override;
  static SystemClock& instance();
};

}  // namespace parley

#endif  // PARLEY_COMMON_CLOCK_H
