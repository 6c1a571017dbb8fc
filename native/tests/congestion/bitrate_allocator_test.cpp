// allocateBitrate: audio first up to its maximum, video the rest within its
// limits, packet overhead removed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "congestion/bitrate_allocator.h"

namespace parley::congestion {
namespace {

struct Row {
  std::string name;
  uint64_t target;
  bool hasAudio;
  bool hasVideo;
  double overheadShare;
  uint64_t audio;
  uint64_t video;
};

TEST(BitrateAllocatorTest, Table) {
  const std::vector<Row> rows = {
      {"plenty_minus_overhead", 1'250'000, true, true, 0.25, 40'000, 960'000},
      {"no_overhead", 1'000'000, true, true, 0.0, 40'000, 960'000},
      {"video_at_its_max", 5'000'000, true, true, 0.0, 40'000, 2'500'000},
      {"just_enough_for_video_min", 90'000, true, true, 0.0, 40'000, 50'000},
      {"below_video_min_pauses_video", 80'000, true, true, 0.0, 40'000, 0},
      {"audio_below_its_max", 30'000, true, true, 0.0, 30'000, 0},
      {"audio_never_below_its_min", 5'000, true, true, 0.0, 16'000, 0},
      {"video_only", 1'000'000, false, true, 0.0, 0, 1'000'000},
      {"video_only_below_min", 40'000, false, true, 0.0, 0, 0},
      {"audio_only", 1'000'000, true, false, 0.0, 40'000, 0},
      {"zero_target", 0, true, true, 0.06, 16'000, 0},
  };
  for (const Row& row : rows) {
    BitrateAllocationConfig config;
    config.hasAudio = row.hasAudio;
    config.hasVideo = row.hasVideo;
    config.overheadShare = row.overheadShare;
    const BitrateAllocation a = allocateBitrate(row.target, config);
    EXPECT_EQ(a.audioBps, row.audio) << row.name;
    EXPECT_EQ(a.videoBps, row.video) << row.name;
  }
}

TEST(BitrateAllocatorTest, MediaPlusOverheadNeverExceedsTheTargetAboveTheAudioFloor) {
  BitrateAllocationConfig config;
  for (uint64_t target = 20'000; target <= 4'000'000; target += 7'919) {
    const BitrateAllocation a = allocateBitrate(target, config);
    const double wire = static_cast<double>(a.audioBps + a.videoBps) * (1.0 + config.overheadShare);
    EXPECT_LE(wire, static_cast<double>(target) + 1.0) << target;
  }
}

}  // namespace
}  // namespace parley::congestion
