// Packet buffer of the video jitter buffer: collects depacketized VP8 RTP
// packets by extended sequence number and emits each frame once all of its
// packets are present.
#ifndef PARLEY_JITTER_FRAME_ASSEMBLER_H
#define PARLEY_JITTER_FRAME_ASSEMBLER_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>

#include "video/encoded_frame.h"
#include "video/video_packet.h"

namespace parley::jitter {

// A frame the assembler completed, with what the jitter buffer needs besides
// the bitstream.
struct AssembledFrame {
  // firstArrivalUs / lastArrivalUs are the earliest and latest arrival among
  // the frame's packets (whatever their order), so lastArrivalUs is the time the
  // frame became complete.
  video::EncodedVideoFrame frame;
  // At least one packet was a retransmission (flagged by the caller: RTX, or
  // arrived after a NACK): the frame's timing says more about the RTT than
  // about network jitter.
  bool hadRetransmission = false;
  // The latest sender's send time (abs-send-time, microseconds) among the
  // frame's original packets; kNoSendTime when one of them had none, or all
  // were retransmissions.
  int64_t sendUs = kNoSendTime;
  static constexpr int64_t kNoSendTime = INT64_MIN;
};

// Stores packets keyed by extended sequence number and assembles frames: a
// frame is complete when a run of contiguous sequence numbers goes from a
// packet with frameStart to a packet with the marker bit, all with the same RTP
// timestamp. Its data is the concatenation of the payloads in sequence order.
//
// Packets of an emitted frame stay behind as payload-free tombstones so that
// late duplicates are recognised; the caller must call clearUpTo() as the
// decoder moves on (packets at or below that point are the caller's to
// reject), and expire() so that stale partial frames (junk, or frames the
// decoder skipped) do not linger. Memory is bounded: past maxPackets entries
// the entry inserted longest ago is evicted (counted), so a flood of junk is
// flushed out by the real stream. Frames longer than maxPackets packets never
// complete. Sequence numbers must stay within +-2^60 (the jitter buffer checks).
// Not thread-safe.
class FrameAssembler {
 public:
  struct InsertResult {
    // The sequence number is already stored (or was part of an emitted frame).
    bool duplicate = false;
    // The frame this packet completed, if any (a packet completes at most one).
    std::optional<AssembledFrame> frame;
  };

  explicit FrameAssembler(size_t maxPackets);

  // Takes the packet (payload moved in). arrivalUs overrides packet.arrivalTimeUs
  // (the caller validates arrival times); sendUs is its send time if known
  // (AssembledFrame::kNoSendTime: unknown).
  InsertResult insert(video::VideoPacket packet, int64_t arrivalUs,
                      int64_t sendUs = AssembledFrame::kNoSendTime);

  // Forgets every entry with sequence <= seq (decoded, dropped or abandoned).
  void clearUpTo(int64_t seq);
  // Forgets entries that arrived before cutoffUs, walking in insertion order
  // (so it relies on arrival times that do not go backwards).
  void expire(int64_t cutoffUs);
  void clear();

  // Whether a packet not yet part of an emitted frame lies in [first, last].
  bool hasPendingPacketsIn(int64_t first, int64_t last) const;

  size_t size() const { return slots_.size(); }
  // Packets evicted because the buffer was full before they became part of a frame.
  uint64_t evicted() const { return evicted_; }
  // Packets expired before they became part of a frame.
  uint64_t expired() const { return expired_; }

 private:
  struct Slot {
    video::VideoPacket packet;  // payload emptied once emitted
    uint64_t order = 0;         // insertion order, for eviction
    bool emitted = false;
    int64_t sendUs = AssembledFrame::kNoSendTime;
  };
  using SlotMap = std::map<int64_t, Slot>;

  std::optional<AssembledFrame> tryAssemble(SlotMap::iterator inserted);
  void erase(SlotMap::iterator it);
  void evictOldest();

  size_t maxPackets_;
  SlotMap slots_;                         // by sequence
  std::map<uint64_t, int64_t> byOrder_;   // insertion order -> sequence
  uint64_t nextOrder_ = 0;
  uint64_t evicted_ = 0;
  uint64_t expired_ = 0;
};

}  // namespace parley::jitter

#endif  // PARLEY_JITTER_FRAME_ASSEMBLER_H
