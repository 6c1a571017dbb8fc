// What the facade's CallMedia tests share: reading statistics and polling
// with a bounded deadline (never asserting how long anything took).
#ifndef PARLEY_TESTS_API_CALL_MEDIA_TEST_SUPPORT_H
#define PARLEY_TESTS_API_CALL_MEDIA_TEST_SUPPORT_H

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "parley/parley.h"

namespace parley::test {

// One statistic (a CallStatistic index) of `call` now.
inline int64_t statistic(const CallMedia& call, int index) {
  std::array<int64_t, kStatCount> values{};
  EXPECT_EQ(call.statistics(values.data(), kStatCount), kStatCount);
  return values[static_cast<size_t>(index)];
}

// Every statistic as "index=value", for the message of a failed wait.
inline std::string allStatistics(const CallMedia& call) {
  std::array<int64_t, kStatCount> values{};
  call.statistics(values.data(), kStatCount);
  std::string text;
  for (size_t i = 0; i < values.size(); ++i) {
    text += std::to_string(i) + "=" + std::to_string(values[i]) + " ";
  }
  return text;
}

// Polls `done` every 50 ms until it holds (true) or `deadline` passes (false).
inline bool pollUntil(const std::function<bool()>& done, std::chrono::seconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace parley::test

#endif  // PARLEY_TESTS_API_CALL_MEDIA_TEST_SUPPORT_H
