// Send side: the RTP packets sent recently, kept for retransmission when the
// receiver NACKs them (RFC 4585 section 6.2.1, answered per RFC 4588).
#ifndef PARLEY_TRANSPORT_RTP_PACKET_HISTORY_H
#define PARLEY_TRANSPORT_RTP_PACKET_HISTORY_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

namespace parley::transport {

// Packets keyed by (SSRC, sequence number), in insertion order. Bounded two
// ways: a packet older than maxAgeUs is forgotten, and beyond maxPackets the
// oldest goes (counted in evicted()). A sequence number inserted again (after
// a wrap) replaces the older packet. Time only through arguments; not
// thread-safe. The caller gets copies: nothing it holds points inside.
class RtpPacketHistory {
 public:
  struct Config {
    int64_t maxAgeUs = 1'000'000;  // at least one second of media (a NACK takes an RTT)
    size_t maxPackets = 2000;      // clamped to 32768 so one SSRC's keys never collide
  };

  explicit RtpPacketHistory(const Config& config);

  // Stores a copy of one serialized RTP packet. Malformed or empty input is
  // ignored (the caller parsed it already).
  void insert(uint32_t ssrc, uint16_t sequenceNumber, const uint8_t* data, size_t size,
              int64_t nowUs);
  // Copies the packet into *out; false when it was never stored, expired or
  // was evicted.
  bool get(uint32_t ssrc, uint16_t sequenceNumber, int64_t nowUs, std::vector<uint8_t>* out);

  // The packet left the pacer (first transmission) at nowUs.
  void markSent(uint32_t ssrc, uint16_t sequenceNumber, int64_t nowUs);
  // For answering a NACK: like get(), but kTooSoon for a packet whose first
  // transmission is still queued (never marked sent) or that was resent less
  // than minResendIntervalUs ago (about one RTT plus the queue: the first
  // resend cannot have arrived yet), so a receiver repeating its NACK does
  // not multiply the retransmissions. kFound marks the packet resent at nowUs.
  enum class Resend { kFound, kMissing, kTooSoon };
  Resend getForResend(uint32_t ssrc, uint16_t sequenceNumber, int64_t nowUs,
                      int64_t minResendIntervalUs, std::vector<uint8_t>* out);

  size_t size() const { return index_.size(); }
  uint64_t evicted() const { return evicted_; }

 private:
  struct Entry {
    uint64_t key = 0;
    int64_t insertedUs = 0;
    bool sent = false;
    bool resent = false;
    int64_t lastResentUs = 0;
    std::vector<uint8_t> bytes;
  };
  static uint64_t keyOf(uint32_t ssrc, uint16_t seq) { return (uint64_t{ssrc} << 16) | seq; }
  void expire(int64_t nowUs);
  void popFront();

  Config config_;
  // std::deque keeps references valid across push_back/pop_front, so index_
  // may point into it.
  std::deque<Entry> order_;
  std::unordered_map<uint64_t, Entry*> index_;
  uint64_t evicted_ = 0;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_RTP_PACKET_HISTORY_H
