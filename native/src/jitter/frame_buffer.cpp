#include "jitter/frame_buffer.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

namespace parley::jitter {

FrameBuffer::FrameBuffer(size_t maxFrames, Listener& listener)
    : maxFrames_(std::max<size_t>(maxFrames, 1)), listener_(listener) {}

bool FrameBuffer::insert(video::EncodedVideoFrame frame, int64_t playoutUs, int64_t deadlineUs) {
  const int64_t first = frame.firstSequence;
  if ((floor_ && first <= *floor_) || frames_.count(first) != 0) return false;
  frames_.emplace(first, Entry{std::move(frame), playoutUs, deadlineUs});
  if (frames_.size() > maxFrames_) {
    dropFront(stats_.droppedOverflow);
    listener_.onFrameBufferKeyframeNeeded();
  }
  return true;
}

void FrameBuffer::update(int64_t nowUs, const GapInfo& gaps) {
  while (!frames_.empty()) {
    auto front = frames_.begin();
    const Entry& entry = front->second;
    const bool ok = decodable(entry.frame);
    auto keyframe = keyframeAfter(front);
    if (keyframe != frames_.end() && (!ok || nowUs > entry.deadlineUs)) {
      // Everything before a complete keyframe is worthless once it cannot be
      // decoded (or is hopelessly late): jump to the keyframe.
      const int64_t keyframeFirst = keyframe->first;
      while (frames_.begin()->first != keyframeFirst) dropFront(stats_.droppedSuperseded);
      advanceFloor(keyframeFirst - 1);
      continue;
    }
    if (ok) return;

    const bool waiting = nowUs < entry.deadlineUs;
    const int64_t gapFirst = floor_ ? *floor_ + 1 : std::numeric_limits<int64_t>::min();
    const int64_t gapLast = entry.frame.firstSequence - 1;
    const bool gapEmpty = gapFirst > gapLast;
    if (chainIntact_) {
      // Not decodable with an intact chain: packets before it are missing.
      if (waiting && !gaps.gapLost(gapFirst, gapLast)) return;  // NACKs may still fill the gap
      chainIntact_ = false;
      ++stats_.chainBreaks;
    } else if (waiting && (!floor_ || (!gapEmpty && gaps.gapHasPackets(gapFirst, gapLast)))) {
      // A keyframe may still complete below this frame: at the start of the
      // stream anything may still arrive, later only what is partly there.
      return;
    }
    dropFront(stats_.droppedUndecodable);
    listener_.onFrameBufferKeyframeNeeded();
  }
}

std::optional<video::EncodedVideoFrame> FrameBuffer::pop(int64_t nowUs, const GapInfo& gaps) {
  update(nowUs, gaps);
  if (frames_.empty()) return std::nullopt;
  auto front = frames_.begin();
  Entry& entry = front->second;
  if (!decodable(entry.frame) || nowUs < entry.playoutUs) return std::nullopt;

  video::EncodedVideoFrame frame = std::move(entry.frame);
  if (frame.lastArrivalUs > entry.playoutUs) ++stats_.late;
  ++stats_.delivered;
  frames_.erase(front);
  advanceFloor(frame.lastSequence);
  chainIntact_ = true;
  return frame;
}

int64_t FrameBuffer::nextEventUs() const {
  if (frames_.empty()) return kNoDeadline;
  const Entry& entry = frames_.begin()->second;
  return decodable(entry.frame) ? entry.playoutUs : entry.deadlineUs;
}

void FrameBuffer::breakChain() {
  if (chainIntact_) ++stats_.chainBreaks;
  chainIntact_ = false;
  listener_.onFrameBufferKeyframeNeeded();
}

void FrameBuffer::clear() {
  frames_.clear();
  floor_.reset();
  chainIntact_ = false;
}

bool FrameBuffer::decodable(const video::EncodedVideoFrame& frame) const {
  return frame.keyframe || (chainIntact_ && floor_ && frame.firstSequence == *floor_ + 1);
}

FrameBuffer::FrameMap::iterator FrameBuffer::keyframeAfter(FrameMap::iterator it) {
  for (++it; it != frames_.end(); ++it) {
    if (it->second.frame.keyframe) return it;
  }
  return frames_.end();
}

// Drops the oldest frame. Whatever references it cannot be decoded any more.
void FrameBuffer::dropFront(uint64_t& counter) {
  auto front = frames_.begin();
  advanceFloor(front->second.frame.lastSequence);
  frames_.erase(front);
  chainIntact_ = false;
  ++counter;
}

void FrameBuffer::advanceFloor(int64_t seq) { floor_ = floor_ ? std::max(*floor_, seq) : seq; }

}  // namespace parley::jitter
