// Spreads outgoing RTP packets over time at a pacing rate above the target
// bitrate, so a frame's packets do not leave as one burst that overflows
// router queues (the pacer of libwebrtc and of draft-ietf-rmcat-gcc-02
// section 4). A plain data structure: the session's pacer thread calls
// popDue() and sleeps until nextSendTimeUs().
#ifndef PARLEY_CONGESTION_PACKET_PACER_H
#define PARLEY_CONGESTION_PACKET_PACER_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::congestion {

// Contract (implemented in packet_pacer.cpp). Priorities: audio leaves first,
// then retransmissions, then video. Bounded: beyond maxQueuedPackets or
// maxQueueDelayUs the oldest video packets are dropped (counted). Time only
// enters through arguments. Not thread-safe.
class PacketPacer {
 public:
  enum class Priority { kAudio = 0, kRetransmission = 1, kVideo = 2 };

  struct Config {
    double pacingFactor = 2.5;         // pacing rate = factor * target bitrate
    uint64_t startPacingRateBps = 2'000'000;
    size_t maxQueuedPackets = 2000;
    int64_t maxQueueDelayUs = 2'000'000;
    int64_t maxBurstUs = 5'000;        // budget may build up to this much of the rate
  };

  struct Stats {
    uint64_t packetsQueued = 0;
    uint64_t packetsSent = 0;
    uint64_t bytesSent = 0;
    uint64_t packetsDropped = 0;  // queue bound
    size_t packetsInQueue = 0;
    int64_t queueDelayUs = 0;     // age of the oldest queued packet
  };

  explicit PacketPacer(const Config& config);
  ~PacketPacer();
  PacketPacer(const PacketPacer&) = delete;
  PacketPacer& operator=(const PacketPacer&) = delete;

  // Sets the pacing rate to pacingFactor * targetBps.
  void setTargetBitrate(uint64_t targetBps);
  void enqueue(std::vector<uint8_t> packet, Priority priority, int64_t nowUs);
  // Moves the next packet allowed to leave at nowUs into *out; false if none.
  bool popDue(int64_t nowUs, std::vector<uint8_t>* out);
  // When popDue() will next have something (nowUs if now, -1 if empty).
  int64_t nextSendTimeUs(int64_t nowUs) const;
  Stats stats(int64_t nowUs) const;

 private:
  struct State;
  State* state_;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_PACKET_PACER_H
