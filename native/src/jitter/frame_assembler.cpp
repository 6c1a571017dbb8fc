#include "jitter/frame_assembler.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace parley::jitter {

FrameAssembler::FrameAssembler(size_t maxPackets) : maxPackets_(std::max<size_t>(maxPackets, 1)) {}

FrameAssembler::InsertResult FrameAssembler::insert(video::VideoPacket packet, int64_t arrivalUs,
                                                    int64_t sendUs) {
  InsertResult result;
  const int64_t seq = packet.sequence;
  if (slots_.count(seq) != 0) {
    result.duplicate = true;
    return result;
  }
  if (slots_.size() >= maxPackets_) evictOldest();

  packet.arrivalTimeUs = arrivalUs;
  const uint64_t order = nextOrder_++;
  auto it = slots_.emplace(seq, Slot{std::move(packet), order, false, sendUs}).first;
  byOrder_.emplace(order, seq);
  result.frame = tryAssemble(it);
  return result;
}

// Walks from the new packet back to its frame's start and forward to its
// marker through contiguous, not yet emitted packets with the same timestamp.
std::optional<AssembledFrame> FrameAssembler::tryAssemble(SlotMap::iterator inserted) {
  const int64_t timestamp = inserted->second.packet.rtpTimestamp;
  auto belongs = [timestamp](const Slot& slot) {
    return !slot.emitted && slot.packet.rtpTimestamp == timestamp;
  };

  auto first = inserted;
  while (!first->second.packet.frameStart) {
    if (first == slots_.begin()) return std::nullopt;
    auto prev = std::prev(first);
    if (prev->first != first->first - 1 || !belongs(prev->second)) return std::nullopt;
    first = prev;
  }
  auto last = inserted;
  while (!last->second.packet.marker) {
    auto next = std::next(last);
    if (next == slots_.end() || next->first != last->first + 1 || !belongs(next->second) ||
        next->second.packet.frameStart) {
      return std::nullopt;
    }
    last = next;
  }

  AssembledFrame out;
  video::EncodedVideoFrame& frame = out.frame;
  const video::VideoPacket& start = first->second.packet;
  frame.rtpTimestamp = timestamp;
  frame.keyframe = start.keyframe;
  frame.pictureId = start.pictureId;
  frame.firstSequence = first->first;
  frame.lastSequence = last->first;
  frame.firstArrivalUs = start.arrivalTimeUs;
  frame.lastArrivalUs = start.arrivalTimeUs;
  bool sendTimesKnown = true;
  size_t bytes = 0;
  for (auto it = first; it != std::next(last); ++it) bytes += it->second.packet.payload.size();
  frame.data.reserve(bytes);
  for (auto it = first; it != std::next(last); ++it) {
    video::VideoPacket& packet = it->second.packet;
    frame.data.insert(frame.data.end(), packet.payload.begin(), packet.payload.end());
    frame.firstArrivalUs = std::min(frame.firstArrivalUs, packet.arrivalTimeUs);
    frame.lastArrivalUs = std::max(frame.lastArrivalUs, packet.arrivalTimeUs);
    out.hadRetransmission = out.hadRetransmission || packet.retransmitted;
    if (!packet.retransmitted) {
      const int64_t sendUs = it->second.sendUs;
      sendTimesKnown = sendTimesKnown && sendUs != AssembledFrame::kNoSendTime;
      out.sendUs = std::max(out.sendUs, sendUs);
    }
    // Keep a tombstone so a late duplicate is recognised; free the bytes.
    std::vector<uint8_t>().swap(packet.payload);
    it->second.emitted = true;
  }
  if (!sendTimesKnown) out.sendUs = AssembledFrame::kNoSendTime;
  return out;
}

void FrameAssembler::clearUpTo(int64_t seq) {
  while (!slots_.empty() && slots_.begin()->first <= seq) erase(slots_.begin());
}

void FrameAssembler::expire(int64_t cutoffUs) {
  while (!byOrder_.empty()) {
    auto it = slots_.find(byOrder_.begin()->second);
    if (it->second.packet.arrivalTimeUs >= cutoffUs) return;
    if (!it->second.emitted) ++expired_;
    erase(it);
  }
}

void FrameAssembler::clear() {
  slots_.clear();
  byOrder_.clear();
}

bool FrameAssembler::hasPendingPacketsIn(int64_t first, int64_t last) const {
  for (auto it = slots_.lower_bound(first); it != slots_.end() && it->first <= last; ++it) {
    if (!it->second.emitted) return true;
  }
  return false;
}

void FrameAssembler::erase(SlotMap::iterator it) {
  byOrder_.erase(it->second.order);
  slots_.erase(it);
}

void FrameAssembler::evictOldest() {
  if (byOrder_.empty()) return;
  auto it = slots_.find(byOrder_.begin()->second);
  if (!it->second.emitted) ++evicted_;
  erase(it);
}

}  // namespace parley::jitter
