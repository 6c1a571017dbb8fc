// Test support for the video jitter buffer: a VP8 packet stream generator, a
// seeded simulated link (latency, jitter, loss, reordering, duplication) and a
// call harness that drives a VideoJitterBuffer on a fake clock, answering its
// NACKs with retransmissions and its PLIs with keyframes.
#ifndef PARLEY_TESTS_JITTER_VIDEO_STREAM_SIM_H
#define PARLEY_TESTS_JITTER_VIDEO_STREAM_SIM_H

#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <vector>

#include "jitter/video_jitter_buffer.h"
#include "support/fake_clock.h"
#include "video/encoded_frame.h"
#include "video/video_packet.h"

namespace parley::jitter::test {

struct StreamOptions {
  int packetsPerFrame = 3;
  int fps = 30;
  int payloadBytes = 40;  // >= 5: frame index and packet index lead each payload
  int64_t firstSequence = 1000;
  int64_t firstTimestamp = 90'000;
  bool firstFrameKeyframe = true;
  int keyframeInterval = 0;  // every Nth frame is a keyframe; 0: only on request
};

// Makes the packets a VP8 depacketizer would produce for a synthetic stream.
// Each payload starts with the frame index (4 bytes, big endian) and the
// packet index, so tests can tell which frame came out and whether it is whole.
class VideoStreamGenerator {
 public:
  explicit VideoStreamGenerator(const StreamOptions& options) : options_(options) {}

  // The packets of the next frame, captured at captureUs (the RTP timestamp
  // follows the capture clock at 90 kHz); arrivalTimeUs is left for the link.
  std::vector<video::VideoPacket> nextFrame(int64_t captureUs);
  void requestKeyframe() { keyframeRequested_ = true; }
  int framesMade() const { return frameIndex_; }
  bool wasKeyframe(int frameIndex) const;
  const StreamOptions& options() const { return options_; }

  // Which frame a delivered frame is, and whether all its bytes are there in order.
  static int frameIndexOf(const video::EncodedVideoFrame& frame);
  bool isIntact(const video::EncodedVideoFrame& frame) const;

 private:
  StreamOptions options_;
  int frameIndex_ = 0;
  int64_t nextSequence_ = 0;
  int64_t originUs_ = -1;
  bool keyframeRequested_ = false;
  std::vector<bool> keyframes_;
};

struct LinkOptions {
  int64_t latencyUs = 20'000;
  int64_t jitterUs = 0;          // extra delay, uniform in [0, jitterUs], drawn per burst
  int64_t packetSpacingUs = 200; // pacing between the packets of one burst
  double lossRate = 0;           // random loss, originals and retransmissions alike
  double duplicateRate = 0;      // a copy follows 50 us later
  uint32_t seed = 1;
  // Deterministic loss; sees packet.retransmitted.
  std::function<bool(const video::VideoPacket&)> drop;
  // Deterministic extra delay (reordering).
  std::function<int64_t(const video::VideoPacket&)> extraDelayUs;
};

// A one-way network path that delivers packets in arrival-time order.
class SimulatedLink {
 public:
  explicit SimulatedLink(const LinkOptions& options) : options_(options), rng_(options.seed) {}

  void sendBurst(std::vector<video::VideoPacket> packets, int64_t sendUs);
  void send(video::VideoPacket packet, int64_t sendUs);
  int64_t nextArrivalUs() const;
  // Packets due by nowUs, arrivalTimeUs set.
  std::vector<video::VideoPacket> deliverDue(int64_t nowUs);
  LinkOptions& options() { return options_; }
  uint64_t duplicatesMade() const { return duplicates_; }

 private:
  void schedule(video::VideoPacket packet, int64_t arrivalUs);

  LinkOptions options_;
  std::mt19937 rng_;
  std::multimap<int64_t, video::VideoPacket> inFlight_;  // by arrival; FIFO among equals
  uint64_t duplicates_ = 0;
};

struct SimOptions {
  StreamOptions stream;
  LinkOptions link;
  VideoJitterBuffer::Config buffer;
  int rttMs = 100;                     // retransmissions arrive this long after the NACK
  bool reportRtt = true;               // tell the buffer the RTT
  bool answerNacks = true;
  bool markRetransmissions = true;     // RTX: the receiver sees VideoPacket::retransmitted
  bool answerKeyframeRequests = true;  // next frame sent RTT/2 after a PLI is a keyframe
};

struct DeliveredFrame {
  int frameIndex = 0;
  bool keyframe = false;
  int64_t popUs = 0;
  int64_t sentUs = 0;
  int64_t lastArrivalUs = 0;
  bool intact = false;
};

struct NackEvent {
  int64_t atUs = 0;
  int64_t sequence = 0;
};

// Sender -> link -> VideoJitterBuffer -> "decoder", stepping the fake clock to
// each next event (frame send, packet arrival, buffer event), never sleeping.
class CallSimulation {
 public:
  explicit CallSimulation(const SimOptions& options);

  void runForMs(int64_t ms);
  void stopSending() { sending_ = false; }
  void resumeSending();

  VideoJitterBuffer& buffer() { return buffer_; }
  SimulatedLink& link() { return link_; }
  VideoStreamGenerator& sender() { return sender_; }
  parley::test::FakeClock& clock() { return clock_; }
  SimOptions& options() { return options_; }

  const std::vector<DeliveredFrame>& delivered() const { return delivered_; }
  const std::vector<NackEvent>& nacks() const { return nacks_; }
  const std::vector<int64_t>& keyframeRequests() const { return keyframeRequests_; }
  std::vector<int64_t> nackTimesFor(int64_t sequence) const;
  int64_t sentUs(int frameIndex) const { return sentUs_.at(frameIndex); }
  // Invariant checks, run after every step.
  std::function<void(int64_t nowUs)> onStep;

 private:
  void step(int64_t nowUs);
  void sendFrame(int64_t nowUs);

  SimOptions options_;
  parley::test::FakeClock clock_;
  VideoStreamGenerator sender_;
  SimulatedLink link_;
  VideoJitterBuffer buffer_;
  bool sending_ = true;
  int64_t scheduleOriginUs_;
  int64_t scheduleCount_ = 0;
  int64_t nextSendUs_;
  int64_t keyframeDueUs_ = INT64_MAX;
  std::map<int64_t, video::VideoPacket> history_;  // for retransmissions, bounded
  std::map<int, int64_t> sentUs_;
  std::vector<DeliveredFrame> delivered_;
  std::vector<NackEvent> nacks_;
  std::vector<int64_t> keyframeRequests_;
};

}  // namespace parley::jitter::test

#endif  // PARLEY_TESTS_JITTER_VIDEO_STREAM_SIM_H
