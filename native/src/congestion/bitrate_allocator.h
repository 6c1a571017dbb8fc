// Splits a session's target bitrate between its audio and video encoders.
#ifndef PARLEY_CONGESTION_BITRATE_ALLOCATOR_H
#define PARLEY_CONGESTION_BITRATE_ALLOCATOR_H

#include <cstdint>

namespace parley::congestion {

struct BitrateAllocationConfig {
  bool hasAudio = true;
  bool hasVideo = true;
  uint64_t audioMinBps = 16'000;  // Opus stays intelligible down to here
  uint64_t audioMaxBps = 40'000;
  uint64_t videoMinBps = 50'000;
  uint64_t videoMaxBps = 2'500'000;
  // Packet overhead (RTP+SRTP+UDP+IP) the target includes but the encoders do
  // not see, as a share of the media rate.
  double overheadShare = 0.06;
};

struct BitrateAllocation {
  uint64_t audioBps = 0;
  uint64_t videoBps = 0;  // 0 when below videoMinBps: the caller may pause video
};

// Audio first (it is cheap and matters most), up to audioMaxBps; video gets
// the rest, within its limits.
BitrateAllocation allocateBitrate(uint64_t targetBps, const BitrateAllocationConfig& config);

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_BITRATE_ALLOCATOR_H
