// Extends wrapping RTP counters (16-bit sequence numbers, 32-bit timestamps)
// to 64 bits, the way RFC 3550 appendix A.1 keeps a cycle count next to the
// 16-bit sequence number, so that ordering and differences survive the wrap.
#ifndef PARLEY_RTP_SEQUENCE_UNWRAPPER_H
#define PARLEY_RTP_SEQUENCE_UNWRAPPER_H

#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace parley::rtp {

// Maps each N-bit value to the int64 closest to the most recently unwrapped
// value that is congruent to it modulo 2^N. A value less than half the range
// (2^(N-1)) ahead of the previous one counts as newer, one up to half the
// range behind counts as older (reordered or late), so reordering across the
// wrap is handled: after 65535 comes 65536 (wire 0), and a late 65534 still
// unwraps to 65534.
//
// The first value unwraps to itself (0 .. 2^N - 1); values arriving before it
// across the wrap come out negative, which keeps their order. The reference
// follows every unwrapped value rather than the highest one: a single stray
// value (a bogus far jump) is mis-mapped itself, but the next in-order value
// maps back next to its predecessors instead of being pushed behind.
//
// One unwrapper per stream (per SSRC): the caller must reset() it, or use a
// new one, when the sender restarts its numbering (new SSRC). Not thread-safe.
template <typename Wire>
class Unwrapper {
  static_assert(std::is_unsigned_v<Wire> && sizeof(Wire) <= 4, "16- or 32-bit counters");

 public:
  static constexpr int64_t kModulus = int64_t{1} << std::numeric_limits<Wire>::digits;

  // Unwraps `value` and makes it the reference for the next call.
  int64_t unwrap(Wire value) {
    const int64_t result = peek(value);
    last_ = result;
    return result;
  }

  // What unwrap(value) would return, without moving the reference.
  int64_t peek(Wire value) const {
    if (!last_) return value;
    const Wire forward = static_cast<Wire>(value - static_cast<Wire>(*last_));
    int64_t delta = forward;
    if (delta >= kModulus / 2) delta -= kModulus;
    return *last_ + delta;
  }

  bool hasReference() const { return last_.has_value(); }
  void reset() { last_.reset(); }

 private:
  std::optional<int64_t> last_;
};

// RTP sequence numbers (RFC 3550 section 5.1: 16 bits).
using SequenceNumberUnwrapper = Unwrapper<uint16_t>;
// RTP timestamps (RFC 3550 section 5.1: 32 bits; 90 kHz video wraps every 13 h).
using RtpTimestampUnwrapper = Unwrapper<uint32_t>;

}  // namespace parley::rtp

#endif  // PARLEY_RTP_SEQUENCE_UNWRAPPER_H
