// Receive-side video jitter buffer: the facade of native/src/jitter. A plain
// push/pop data structure; the receive pipeline wires it in through an adapter.
#ifndef PARLEY_JITTER_VIDEO_JITTER_BUFFER_H
#define PARLEY_JITTER_VIDEO_JITTER_BUFFER_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "jitter/frame_assembler.h"
#include "jitter/frame_buffer.h"
#include "jitter/keyframe_requester.h"
#include "jitter/nack_generator.h"
#include "jitter/playout_delay.h"
#include "video/encoded_frame.h"
#include "video/video_packet.h"

namespace parley::jitter {

// Turns the depacketized VP8 packets of one SSRC into decodable frames, paced
// by an adaptive playout delay, and says what to ask the sender for:
//   insertPacket -> FrameAssembler (frames from packets, duplicates)
//                -> NackGenerator (gaps -> NACK list, give-ups)
//                -> PlayoutDelay (jitter -> target delay, frame playout times)
//                -> FrameBuffer (decode order, keyframe gating)
//                -> KeyframeRequester (rate-limited PLI)
//
// The caller (the adapter) must:
//  - call insertPacket for every packet of the stream, with extended sequence
//    numbers and timestamps, and feed popFrame's frames to the decoder in order;
//  - call popFrame, nackList and takeKeyframeRequest at nextEventUs() (and after
//    each insertPacket), send the NACKs (RFC 4585 generic NACK, after truncating
//    to 16 bits) and a PLI whenever takeKeyframeRequest returns true;
//  - report a decoder error through onDecodeError and the RTT from RTCP
//    through setRttMs.
// Time only enters as nowUs arguments (one monotonic clock, microseconds);
// small steps back, as when two threads read the clock before taking a lock,
// are harmless. Memory is bounded by Config (packets, frames, NACK list);
// nothing grows with the length of the call. Not thread-safe: the caller
// serialises all calls (one thread, or one mutex).
class VideoJitterBuffer final : private NackGenerator::Listener,
                                private FrameBuffer::Listener,
                                private FrameBuffer::GapInfo {
 public:
  struct Config {
    // Cap of the playout delay, and the longest a frame waits (beyond its
    // fastest-path arrival) for missing packets before it.
    int maxDelayMs = 400;
    size_t maxPackets = 2048;  // packet buffer; oldest evicted beyond this
    size_t maxFrames = 64;     // complete frames waiting; oldest dropped beyond this
    int keyframeRequestIntervalMs = 300;  // PLI repeat, at least 2 x RTT
    // A packet still not part of a complete frame after this long is dropped
    // (its frame was skipped, or it is junk); well above maxDelayMs so that it
    // never touches a frame that could still be played.
    int maxPacketWaitMs = 3000;
    NackGenerator::Config nack;  // reorder window, retries, list size, default RTT
    // While NACK has recently recovered packets (within nackHoldWindowMs),
    // frames are held this share of the RTT longer, so a frame that needs a
    // retransmission usually gets it before its playout time instead of
    // freezing the picture (libwebrtc adds the RTT to its jitter delay for
    // the same reason). 0 turns it off.
    double nackHoldRttShare = 0.5;
    int nackHoldWindowMs = 10'000;
    PlayoutDelay::Config delay;  // jitter estimator tuning (capped by maxDelayMs)
  };

  struct Stats {
    uint64_t packetsReceived = 0;   // every insertPacket call
    uint64_t duplicates = 0;
    uint64_t packetsTooOld = 0;     // for frames already decoded or given up
    uint64_t packetsInvalid = 0;    // sequence or timestamp out of range
    uint64_t packetsEvicted = 0;    // packet buffer full
    uint64_t packetsExpired = 0;    // waited maxPacketWaitMs without completing a frame
    uint64_t packetsLost = 0;       // missing packets given up or abandoned
    uint64_t packetsRecovered = 0;  // arrived after a NACK
    uint64_t nacksSent = 0;         // sequence numbers NACKed, retries included
    uint64_t framesComplete = 0;    // assembled from all their packets
    uint64_t framesDelivered = 0;   // handed out by popFrame
    uint64_t framesLate = 0;        // completed after their playout time
    uint64_t framesDropped = 0;     // the sum of the four below
    uint64_t framesDroppedUndecodable = 0;  // reference chain broken
    uint64_t framesDroppedSuperseded = 0;   // skipped to reach a keyframe
    uint64_t framesDroppedOverflow = 0;     // frame buffer full
    uint64_t framesDroppedReset = 0;        // discarded by a stream restart
    uint64_t keyframeRequests = 0;  // times takeKeyframeRequest returned true
    uint64_t decodeErrors = 0;
    uint64_t streamResets = 0;      // sequence numbers went far back: started over
    int currentDelayMs = 0;         // playout delay being applied (NACK hold included)
    int nackHoldMs = 0;             // the part of it that waits for retransmissions
    int targetDelayMs = 0;          // what the jitter estimate asks for
    int jitterMs = 0;               // high quantile of frame delay variation
    size_t packetsBuffered = 0;
    size_t framesBuffered = 0;
    size_t nackListSize = 0;
    int minimumDelayMs = 0;         // lower bound set through setMinimumDelayMs
  };

  // The frame popFrame handed out last: its (extended, 90 kHz) RTP timestamp
  // and the nowUs of that popFrame call. Lip sync pairs the two with the
  // sender reports' NTP/RTP mapping.
  struct ReleasedFrame {
    int64_t rtpTimestamp = 0;
    int64_t releaseUs = 0;
  };

  enum class InsertResult {
    kInserted,   // stored (it may have completed a frame)
    kDuplicate,  // already stored or already part of a frame
    kTooOld,     // belongs to a frame already decoded, dropped or given up
                 // (a packet far behind those, or a second of nothing but
                 // too-old originals, restarts the buffer instead: the sender
                 // started over)
    kInvalid,    // |sequence| > 2^60 or |rtpTimestamp| > 2^52: not a real stream
  };

  static constexpr int64_t kNoEvent = INT64_MAX;

  VideoJitterBuffer();
  explicit VideoJitterBuffer(const Config& config);
  VideoJitterBuffer(const VideoJitterBuffer&) = delete;
  VideoJitterBuffer& operator=(const VideoJitterBuffer&) = delete;

  static constexpr int64_t kNoSendTime = AssembledFrame::kNoSendTime;

  // packet.arrivalTimeUs is its receive time; one outside [nowUs - 10 s, nowUs]
  // is replaced by nowUs. sendTimeUs: the sender's send time of the packet
  // (abs-send-time, unwrapped, microseconds on the sender's clock), or
  // kNoSendTime. With send times the jitter estimate measures the network
  // alone (see PlayoutDelay); give them for every packet or for none.
  InsertResult insertPacket(const video::VideoPacket& packet, int64_t nowUs,
                            int64_t sendTimeUs = kNoSendTime);
  InsertResult insertPacket(video::VideoPacket&& packet, int64_t nowUs,
                            int64_t sendTimeUs = kNoSendTime);
  // The next frame for the decoder, if it is decodable and its playout time has
  // come. Call repeatedly until it returns nullopt.
  std::optional<video::EncodedVideoFrame> popFrame(int64_t nowUs);
  // Absolute time at which popFrame, nackList or takeKeyframeRequest next has
  // work (possibly already past); kNoEvent when only new packets can create work.
  int64_t nextEventUs() const;
  // Extended sequence numbers to NACK now (retries included), oldest first.
  std::vector<int64_t> nackList(int64_t nowUs);
  // Whether to send a PLI now; true at most once per request interval.
  bool takeKeyframeRequest(int64_t nowUs);
  // The decoder could not decode the last frame: hold inter frames, ask for a keyframe.
  void onDecodeError(int64_t nowUs);
  // Round-trip time from RTCP; <= 0 means unknown (NACK retries then use
  // Config::nack.defaultRttMs).
  void setRttMs(int rttMs);
  // The extra playout delay waiting for retransmissions at nowUs (see
  // Config::nackHoldRttShare), never past the maximum delay.
  int64_t nackHoldUs(int64_t nowUs) const;
  // Lower bound of the playout delay (lip sync holds video back for audio):
  // the delay becomes max(jitter-based delay, minimumMs), capped by
  // Config::maxDelayMs. Applies to frames completed from now on; 0 removes it.
  void setMinimumDelayMs(int minimumMs);
  // nullopt until popFrame has handed out a frame (and after a stream restart).
  std::optional<ReleasedFrame> lastReleasedFrame() const { return lastReleased_; }
  Stats stats() const;

 private:
  void onFrameAssembled(AssembledFrame assembled);
  void update(int64_t nowUs);
  void syncDecodedPosition();
  bool stuckBehind(const video::VideoPacket& packet, int64_t nowUs);
  void restart();

  // NackGenerator::Listener
  void onNackGeneratorPacketLost(int64_t seq) override;
  void onNackGeneratorKeyframeRequired(int64_t beforeSeq) override;
  // FrameBuffer::Listener
  void onFrameBufferKeyframeNeeded() override;
  // FrameBuffer::GapInfo
  bool gapLost(int64_t first, int64_t last) const override;
  bool gapHasPackets(int64_t first, int64_t last) const override;

  Config config_;
  FrameAssembler assembler_;
  NackGenerator nack_;
  int64_t rttUs_ = 0;                   // 0: unknown (no hold)
  int64_t lastRecoveryUs_ = -1;         // last packet that arrived after its NACK
  int64_t lastHoldUs_ = 0;              // NACK hold given to the last assembled frame
  PlayoutDelay delay_;
  FrameBuffer frames_;
  KeyframeRequester keyframes_;
  int64_t nowUs_ = 0;
  // Given-up sequence numbers above the decoded position (bounded by the NACK
  // list size), and the horizon below which a NACK list overflow abandoned all.
  std::set<int64_t> lostSeqs_;
  std::optional<int64_t> abandonedBelow_;
  std::optional<int64_t> syncedUpTo_;
  uint32_t tooOldRun_ = 0;  // consecutive too-old original packets
  int64_t tooOldSinceUs_ = 0;
  std::optional<ReleasedFrame> lastReleased_;
  Stats counters_;
};

}  // namespace parley::jitter

#endif  // PARLEY_JITTER_VIDEO_JITTER_BUFFER_H
