// Complete frames of the video jitter buffer, in decode order, and the state of
// the VP8 reference chain that decides which of them can be decoded.
#ifndef PARLEY_JITTER_FRAME_BUFFER_H
#define PARLEY_JITTER_FRAME_BUFFER_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>

#include "video/encoded_frame.h"

namespace parley::jitter {

// Holds complete frames until their playout time and hands them out in
// sequence order, but only when the decoder can use them.
//
// A frame is decodable when it is a keyframe, or when the chain is intact and
// its first sequence number directly follows the last packet of the frame
// handed out before it (VP8 inter frames reference earlier frames, so nothing
// in between may be missing). For the oldest frame that is not decodable:
//  - a complete keyframe later in the buffer makes it (and everything up to the
//    keyframe) superseded: dropped at once. So is a decodable frame more than
//    its deadline late when a keyframe is waiting behind it;
//  - while the chain is intact it is held until the missing packets before it
//    are reported lost (GapInfo) or its deadline passes; then the chain breaks;
//  - while the chain is broken it is dropped, unless packets below it may still
//    complete a keyframe (then it is held until its deadline).
// Every break or drop tells the listener a keyframe is needed. Before anything
// has left the buffer the chain counts as broken and inter frames are held
// until their deadline, so a keyframe overtaken by later frames at the start of
// the stream is still used (joining mid-stream thus costs up to the deadline
// before the first keyframe request). Memory: at most maxFrames frames (the
// oldest is dropped and the chain breaks). Sequences are the caller's checked
// extended sequence numbers. Not thread-safe.
class FrameBuffer {
 public:
  // What the caller knows about the packets between two frames.
  class GapInfo {
   public:
    virtual ~GapInfo() = default;
    // A packet in [first, last] will never arrive (given up or abandoned).
    virtual bool gapLost(int64_t first, int64_t last) const = 0;
    // Some packets in [first, last] are stored but not yet part of a frame.
    virtual bool gapHasPackets(int64_t first, int64_t last) const = 0;
  };

  // Upward event, raised from insert(), update(), pop() and breakChain().
  class Listener {
   public:
    virtual ~Listener() = default;
    // The decoder cannot continue without a keyframe.
    virtual void onFrameBufferKeyframeNeeded() = 0;
  };

  struct Stats {
    uint64_t delivered = 0;
    uint64_t late = 0;                  // completed after their playout time
    uint64_t droppedUndecodable = 0;    // inter frames without an intact chain
    uint64_t droppedSuperseded = 0;     // skipped to reach a later keyframe
    uint64_t droppedOverflow = 0;       // buffer full
    uint64_t chainBreaks = 0;
  };

  static constexpr int64_t kNoDeadline = INT64_MAX;

  FrameBuffer(size_t maxFrames, Listener& listener);

  // A complete frame. playoutUs: when it should be handed out; deadlineUs: how
  // long it may wait for missing packets before it. Returns false (and ignores
  // the frame) if it lies at or below the decoded position or is already held.
  bool insert(video::EncodedVideoFrame frame, int64_t playoutUs, int64_t deadlineUs);
  // Drops what can never be decoded and breaks the chain where packets are lost.
  void update(int64_t nowUs, const GapInfo& gaps);
  // The oldest frame, if it is decodable and its playout time has come.
  std::optional<video::EncodedVideoFrame> pop(int64_t nowUs, const GapInfo& gaps);
  // When pop() or update() next has something to do; kNoDeadline if only new
  // frames or packets can change that.
  int64_t nextEventUs() const;
  // The decoder reported a corrupt frame: no inter frame is usable until a keyframe.
  void breakChain();
  void clear();

  // Last sequence handed out, dropped or skipped: everything at or below it is
  // finished with. nullopt before the first frame leaves the buffer.
  std::optional<int64_t> decodedUpTo() const { return floor_; }
  bool chainIntact() const { return chainIntact_; }
  size_t size() const { return frames_.size(); }
  const Stats& stats() const { return stats_; }

 private:
  struct Entry {
    video::EncodedVideoFrame frame;
    int64_t playoutUs = 0;
    int64_t deadlineUs = 0;
  };
  using FrameMap = std::map<int64_t, Entry>;  // by first sequence

  bool decodable(const video::EncodedVideoFrame& frame) const;
  FrameMap::iterator keyframeAfter(FrameMap::iterator it);
  void dropFront(uint64_t& counter);
  void advanceFloor(int64_t seq);

  size_t maxFrames_;
  Listener& listener_;
  FrameMap frames_;
  std::optional<int64_t> floor_;
  bool chainIntact_ = false;
  Stats stats_;
};

}  // namespace parley::jitter

#endif  // PARLEY_JITTER_FRAME_BUFFER_H
