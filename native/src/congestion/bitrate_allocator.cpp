// allocateBitrate: the session's target split between audio and video.
#include "congestion/bitrate_allocator.h"

#include <algorithm>

namespace parley::congestion {

BitrateAllocation allocateBitrate(uint64_t targetBps, const BitrateAllocationConfig& config) {
  BitrateAllocation allocation;
  // The target covers the packet overhead too; the encoders only see media.
  const double share = std::max(0.0, config.overheadShare);
  const auto media = static_cast<uint64_t>(static_cast<double>(targetBps) / (1.0 + share));
  uint64_t left = media;
  if (config.hasAudio) {
    // Audio first, and never below its floor: a call that can carry nothing
    // else still carries the voice.
    allocation.audioBps = std::max(config.audioMinBps, std::min(media, config.audioMaxBps));
    left = media > allocation.audioBps ? media - allocation.audioBps : 0;
  }
  if (config.hasVideo && left >= config.videoMinBps) {
    allocation.videoBps = std::min(left, config.videoMaxBps);
  }
  return allocation;
}

}  // namespace parley::congestion
