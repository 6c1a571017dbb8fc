// Receive-side NACK list (RFC 4585 generic NACK) for one video stream.
#ifndef PARLEY_JITTER_NACK_GENERATOR_H
#define PARLEY_JITTER_NACK_GENERATOR_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace parley::jitter {

// Tracks which extended sequence numbers are missing and decides when to ask
// for them again.
//
// A gap is seen when a packet arrives ahead of the newest one. A missing packet
// is NACKed only once it is out of the reorder window: at least reorderPackets
// newer packets have arrived AND reorderMs have passed since the gap was seen
// (both: a bursty sender reorders many packets within microseconds, which the
// time covers; a slow stream reorders a single packet across tens of
// milliseconds, which the count covers). Retries are spaced by the RTT; after
// maxRetries NACKs and one more RTT without the packet it is given up and the
// listener hears onNackGeneratorPacketLost. When more than maxListSize packets
// are missing at once the list is cleared and the listener hears
// onNackGeneratorKeyframeRequired. Any packet that arrives (original or
// retransmission) leaves the list.
//
// The caller must poll getNackList() (nextDueUs() says when) and send what it
// returns; packets are given up only during that poll. Sequences must stay
// within +-2^60 (the jitter buffer rejects others). Not thread-safe.
class NackGenerator {
 public:
  struct Config {
    int reorderPackets = 2;   // newer packets that must have arrived before a NACK
    int reorderMs = 10;       // and time since the gap was seen
    int maxRetries = 10;      // NACKs per packet before it is given up
    size_t maxListSize = 1000;  // more missing than this: clear, ask for a keyframe
    int defaultRttMs = 100;   // retry spacing until setRttMs() is called
    // Added to the RTT before a NACK is repeated: the retransmission crosses
    // the same jittery path, and a retry sent before it could arrive only
    // makes the sender refuse (or duplicate) it.
    int retryMarginMs = 30;
    // The first NACK of a packet is sent again after this long (0: not), so
    // a lost NACK costs this instead of a whole retry interval. The sender
    // ignores the copy when it already answered the first.
    int firstRepeatMs = 0;
    // A packet this far behind the newest one means the stream restarted:
    // tracking starts again from it.
    int64_t maxPacketAge = 10000;
  };

  struct Stats {
    uint64_t nacksSent = 0;         // sequence numbers returned by getNackList, retries included
    uint64_t packetsRecovered = 0;  // arrived after being NACKed at least once
    uint64_t packetsGivenUp = 0;    // retries exhausted
    uint64_t packetsAbandoned = 0;  // dropped by forgetUpTo() or a list overflow
    uint64_t overflows = 0;         // list cleared for being too long
  };

  // Upward events. Called from inside onPacket() and getNackList().
  class Listener {
   public:
    virtual ~Listener() = default;
    // seq was NACKed maxRetries times and never came: the frame it belongs to is lost.
    virtual void onNackGeneratorPacketLost(int64_t seq) = 0;
    // Too many packets were missing; every missing packet below beforeSeq was
    // abandoned. Recovery needs a keyframe.
    virtual void onNackGeneratorKeyframeRequired(int64_t beforeSeq) = 0;
  };

  static constexpr int64_t kNoDeadline = INT64_MAX;

  NackGenerator(const Config& config, Listener& listener);

  // Every received packet (duplicates are harmless). Returns true when it had
  // been NACKed: it is (or arrived as late as) a retransmission, even when the
  // sender does not use RTX.
  bool onPacket(int64_t seq, int64_t nowUs);
  // Sequence numbers to NACK now, oldest first; marks them sent. Gives up
  // packets whose retries are exhausted.
  std::vector<int64_t> getNackList(int64_t nowUs);
  // Earliest time getNackList() has something to do; kNoDeadline if only new
  // packets can change that.
  int64_t nextDueUs() const;
  // The caller no longer needs anything at or below seq.
  void forgetUpTo(int64_t seq);
  // rttMs <= 0 restores the default; values are capped at 10 s.
  void setRttMs(int rttMs);
  void reset();

  int64_t rttUs() const { return rttUs_; }
  // How long after a NACK it is repeated: RTT plus Config::retryMarginMs.
  int64_t retryIntervalUs() const { return rttUs_ + int64_t{config_.retryMarginMs} * 1000; }
  size_t listSize() const { return missing_.size(); }
  const Stats& stats() const { return stats_; }

 private:
  struct Missing {
    int64_t seenUs = 0;  // when the gap was seen
    int64_t sentUs = 0;  // last NACK
    int retries = 0;     // NACKs sent so far
  };

  bool outOfReorderWindow(int64_t seq, const Missing& missing, int64_t nowUs) const;
  // The quick repeat after the first NACK, else retryIntervalUs().
  int64_t retryIntervalUs(const Missing& missing) const;
  void overflow(int64_t beforeSeq);

  Config config_;
  Listener& listener_;
  bool started_ = false;
  int64_t newest_ = 0;
  int64_t rttUs_;
  std::map<int64_t, Missing> missing_;
  Stats stats_;
};

}  // namespace parley::jitter

#endif  // PARLEY_JITTER_NACK_GENERATOR_H
