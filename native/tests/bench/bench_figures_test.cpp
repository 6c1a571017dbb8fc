// The bench's arithmetic without running anything: the JSON writer, the
// video figures (freezes, latency, missing frames) from synthetic capture
// logs and render events, the freeze limit, and the process readers.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bench/call_pipeline_harness.h"
#include "bench/cpu_usage.h"
#include "bench/json_writer.h"
#include "bench/video_analysis.h"

namespace parley::bench {
namespace {

constexpr int64_t kMs = 1000;

TEST(JsonWriterTest, WritesNestedObjectsArraysAndEscapes) {
  JsonWriter j;
  j.beginObject();
  j.string("text", "a \"quoted\" \\ line\n").integer("n", -42).boolean("yes", true);
  j.beginArray("list").number(nullptr, 1.5).number(nullptr, 2).endArray();
  j.beginObject("inner").number("x", 0.1234).endObject();
  j.endObject();
  EXPECT_EQ(j.str(),
            "{\"text\":\"a \\\"quoted\\\" \\\\ line\\u000a\",\"n\":-42,\"yes\":true,"
            "\"list\":[1.5,2],\"inner\":{\"x\":0.123}}");
}

TEST(JsonWriterTest, NumbersAreTrimmedAndNonFiniteIsMinusOne) {
  struct Case {
    const char* name;
    double value;
    const char* text;
  };
  const Case cases[] = {{"integer", 30.0, "30"},      {"half", 12.5, "12.5"},
                        {"rounded", 2.0004, "2"},     {"negative", -1.0, "-1"},
                        {"tiny negative", -0.0001, "0"}, {"infinite", 1.0 / 0.0, "-1"}};
  for (const Case& c : cases) {
    JsonWriter j;
    j.number(nullptr, c.value);
    EXPECT_EQ(j.str(), c.text) << c.name;
  }
}

TEST(FreezeLimitTest, IsTheLargerOfTheThresholdAndThreeFrameIntervals) {
  struct Case {
    const char* name;
    int fps;
    int thresholdMs;
    double limitMs;
  };
  const Case cases[] = {{"30 fps", 30, 150, 150}, {"10 fps", 10, 150, 300}, {"5 fps", 5, 150, 600},
                        {"high threshold", 30, 400, 400}};
  for (const Case& c : cases) {
    CallHarnessConfig config;
    config.fps = c.fps;
    config.freezeThresholdMs = c.thresholdMs;
    EXPECT_DOUBLE_EQ(freezeLimitMs(config), c.limitMs) << c.name;
  }
}

// 30 fps for 2 s: frame n captured at n * 33.333 ms, drawn `latency` later,
// except the frames in `lost` (never drawn).
struct Synthetic {
  std::vector<int64_t> capture;
  std::vector<RenderEvent> renders;
};
Synthetic synthetic(int frames, int64_t latencyUs, const std::vector<int>& lost) {
  Synthetic s;
  for (int n = 0; n < frames; ++n) {
    const int64_t capturedUs = n * 1'000'000LL / 30;
    s.capture.push_back(capturedUs);
    bool isLost = false;
    for (int l : lost) isLost = isLost || l == n;
    if (isLost) continue;
    s.renders.push_back(RenderEvent{capturedUs + latencyUs, n, capturedUs / kMs * kMs});
  }
  return s;
}

TEST(AnalyseVideoTest, CleanStreamHasNoFreezesAndExactLatency) {
  const Synthetic s = synthetic(60, 20 * kMs, {});
  VideoFigures f;
  analyseVideo(s.capture, s.renders, 0, 0, 2'000 * kMs, 150, f);
  EXPECT_EQ(f.framesCaptured, 60);
  EXPECT_EQ(f.framesUnique, 60);
  EXPECT_EQ(f.framesMissing, 0);
  EXPECT_EQ(f.freezes, 0);
  EXPECT_DOUBLE_EQ(f.frozenShare, 0);
  EXPECT_NEAR(f.latencyP50Ms, 20, 1e-9);
  EXPECT_NEAR(f.latencyP99Ms, 20, 1e-9);
  EXPECT_NEAR(f.renderedFps, 30, 1e-9);
}

TEST(AnalyseVideoTest, ARunOfMissingFramesIsOneFreeze) {
  // Frames 20..29 lost: the picture stands still from frame 19 to 30 (367 ms).
  std::vector<int> lost;
  for (int n = 20; n < 30; ++n) lost.push_back(n);
  const Synthetic s = synthetic(60, 20 * kMs, lost);
  VideoFigures f;
  analyseVideo(s.capture, s.renders, 0, 0, 2'000 * kMs, 150, f);
  EXPECT_EQ(f.framesMissing, 10);
  EXPECT_EQ(f.freezes, 1);
  ASSERT_EQ(f.freezeList.size(), 1u);
  EXPECT_EQ(f.freezeList[0].sequence, 30);
  EXPECT_NEAR(f.frozenMs, 11 * 1000.0 / 30, 0.01);
  EXPECT_NEAR(f.frozenShare, f.frozenMs / 2000.0, 1e-9);
}

TEST(AnalyseVideoTest, ShortGapsUnderTheLimitAreNotFrozenAndRepeatsDoNotEndAFreeze) {
  Synthetic s = synthetic(60, 20 * kMs, {10, 11});  // a 100 ms gap: under 150
  // Frame 40 drawn again 200 ms later (the decoder repeated a picture), then 41 onwards go missing.
  std::vector<RenderEvent> renders;
  for (const RenderEvent& e : s.renders) {
    if (e.sequence > 40) break;
    renders.push_back(e);
  }
  renders.push_back(RenderEvent{renders.back().renderedUs + 200 * kMs, 40, 0});
  VideoFigures f;
  analyseVideo(s.capture, renders, 0, 0, 2'000 * kMs, 150, f);
  EXPECT_EQ(f.framesRepeated, 1);
  // One freeze: from frame 40 to the window's end; the repeat did not end it.
  EXPECT_EQ(f.freezes, 1);
  ASSERT_EQ(f.freezeList.size(), 1u);
  EXPECT_EQ(f.freezeList[0].sequence, -1);
}

TEST(AnalyseVideoTest, OnlyTheWindowCounts) {
  const Synthetic s = synthetic(60, 20 * kMs, {});
  VideoFigures f;
  analyseVideo(s.capture, s.renders, 0, 1'000 * kMs, 2'000 * kMs, 150, f);
  EXPECT_EQ(f.framesCaptured, 30);
  EXPECT_LE(f.framesUnique, 31);
  EXPECT_GE(f.framesUnique, 29);
}

TEST(AnalyseVideoTest, NothingDrawnLeavesLatencyUnmeasuredAndAllFrozen) {
  const Synthetic s = synthetic(30, 20 * kMs, {});
  VideoFigures f;
  analyseVideo(s.capture, {}, 0, 0, 1'000 * kMs, 150, f);
  EXPECT_EQ(f.latencyP50Ms, -1);
  EXPECT_EQ(f.framesMissing, 30);
  EXPECT_DOUBLE_EQ(f.frozenShare, 1.0);
}

TEST(ProcessReadersTest, ResidentSetAndCpuTimesAreSane) {
  const int64_t rss = residentKb();
  EXPECT_GT(rss, 1000);  // a process with gtest and the core loaded is megabytes
  EXPECT_LT(rss, 64LL * 1024 * 1024);
  EXPECT_GE(peakResidentKb(), rss);
  // Some work makes both CPU clocks move, the thread's never ahead of the process's.
  const int64_t processBefore = processCpuUs();
  const int64_t threadBefore = threadCpuUs();
  volatile double sink = 0;
  for (int i = 0; i < 20'000'000 && processCpuUs() - processBefore < 20'000; ++i) sink = sink + i * 0.5;
  EXPECT_GT(processCpuUs(), processBefore);
  EXPECT_GT(threadCpuUs(), threadBefore);
  EXPECT_LE(threadCpuUs(), processCpuUs());
  // More memory in use shows in the resident set.
  std::vector<char> block(32 * 1024 * 1024, 1);
  for (size_t i = 0; i < block.size(); i += 4096) block[i] = static_cast<char>(i);
  EXPECT_GT(residentKb(), rss + 16 * 1024);
  EXPECT_GE(peakResidentKb(), residentKb());
}

}  // namespace
}  // namespace parley::bench
