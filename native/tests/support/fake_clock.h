// Test support: a clock that moves only when the test says so.
#ifndef PARLEY_TESTS_SUPPORT_FAKE_CLOCK_H
#define PARLEY_TESTS_SUPPORT_FAKE_CLOCK_H

#include <cstdint>

#include "common/clock.h"

namespace parley::test {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t startUs = 1'000'000) : nowUs_(startUs) {}
  int64_t nowUs() const override { return nowUs_; }
  void advanceUs(int64_t us) { nowUs_ += us; }
  void advanceMs(int64_t ms) { nowUs_ += ms * 1000; }
  void setUs(int64_t us) { nowUs_ = us; }

 private:
  int64_t nowUs_;
};

}  // namespace parley::test

#endif  // PARLEY_TESTS_SUPPORT_FAKE_CLOCK_H
