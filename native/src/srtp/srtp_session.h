// One direction of SRTP/SRTCP (RFC 3711; AES-GCM per RFC 7714) for a call,
// through libsrtp2: an outbound session protects what Parley sends, an
// inbound session unprotects what the peer sends. Each is keyed with that
// direction's master key (for SDES, the local and the remote a=crypto key).
//
// A session covers every SSRC of its direction (libsrtp's ssrc_any_outbound
// and ssrc_any_inbound templates): libsrtp derives a stream for each new SSRC
// the first time one of its packets protects, or authenticates on unprotect.
// Packets that fail authentication create nothing, so a flood of forged SSRCs
// costs no memory; a peer holding the key can still add one libsrtp stream
// (keys, cipher contexts, replay window) per SSRC it invents, kept for the
// length of the call: libsrtp has no limit, and this class adds none yet.
//
// Replay protection (RFC 3711 section 3.3.2) is on: the inbound session
// rejects a packet whose index it has already accepted or that is older than
// the 128-packet window (libsrtp's default for SRTP; SRTCP's window is fixed
// at 128 too). The outbound session also refuses to protect an RTP sequence
// number twice, unless allowRepeatedTransmission is set, because protecting
// two different payloads under one index reuses the keystream.
//
// Buffers: every call works in place on the caller's buffer. protect* appends
// the trailer, so the buffer must have room past the packet: libsrtp writes
// up to SRTP_MAX_TRAILER_LEN octets past an RTP packet (kSrtpRtpHeadroom) and
// 4 more past an RTCP packet (kSrtpRtcpHeadroom), whatever the suite; the
// suite's actual growth is cryptoSuiteInfo(suite).srtpTagLength (RTP) or
// .srtcpTrailerLength (RTCP). unprotect* shortens the packet and needs no
// headroom. RTP and RTCP on one port are told apart by the caller (RFC 5761
// section 4: RTCP packet types 192-223 in the second octet) before calling.
//
// Threads: a session is used by one thread at a time (the send path for an
// outbound session, the receive path for an inbound one); libsrtp contexts
// are not thread-safe. stats() alone may be read from any thread.
#ifndef PARLEY_SRTP_SRTP_SESSION_H
#define PARLEY_SRTP_SRTP_SESSION_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "srtp/crypto_suite.h"
#include "srtp/lib_srtp.h"
#include "srtp/sdes_crypto_attribute.h"

struct srtp_ctx_t_;  // libsrtp's session (srtp_t), kept out of this header

namespace parley::srtp {

// SRTP_MAX_TRAILER_LEN of libsrtp 2.5 (tag 16 + MKI 128); checked against
// the library header in srtp_session.cpp.
inline constexpr size_t kSrtpRtpHeadroom = 144;
// SRTCP adds the 4-octet E flag and SRTCP index (RFC 3711 section 3.4).
inline constexpr size_t kSrtpRtcpHeadroom = kSrtpRtpHeadroom + 4;
// Largest packet accepted (a UDP datagram's payload is at most this).
inline constexpr size_t kSrtpMaxPacketSize = 65535;

enum class SrtpDirection { kInbound, kOutbound };

// Why protect or unprotect gave no packet. The packet is dropped and counted;
// on any error the buffer's bytes are unspecified and must not be used.
enum class SrtpError {
  kOk = 0,
  kAuthenticationFailed,  // tag does not verify: forged, corrupted or wrong key
  kReplay,                // index already seen or older than the replay window
  kMalformed,             // not an RTP/RTCP packet, or too short to hold the trailer
  kBufferTooSmall,        // protect: capacity below length + headroom
  kWrongDirection,        // protect on an inbound session or unprotect on an outbound one
  kOther,                 // any other libsrtp failure (key expired, cipher failure, ...)
};

// Short, stable name ("auth-failed", "replay", ...), for logs and stats.
const char* srtpErrorName(SrtpError error);

enum class SrtpCreateError {
  kOk = 0,
  kWrongKeyLength,  // keyAndSalt is not the suite's key||salt length
  kInitFailed,      // srtp_init() failed (libsrtp's self-tests or its crypto backend)
  kCreateFailed,    // srtp_create() refused the policy
};

const char* srtpCreateErrorName(SrtpCreateError error);

struct SrtpSessionStats {
  uint64_t protectedPackets = 0;    // outbound: packets protect* returned kOk for
  uint64_t unprotectedPackets = 0;  // inbound: packets unprotect* returned kOk for
  uint64_t authFailures = 0;
  uint64_t replays = 0;
  uint64_t malformed = 0;    // kMalformed and kBufferTooSmall
  uint64_t otherErrors = 0;  // kWrongDirection and kOther
};

struct SrtpSessionOptions {
  // Outbound only: allow protecting an RTP sequence number again, for a
  // retransmission of the very same packet (libsrtp's allow_repeat_tx). Off
  // by default: a NACK answer should either resend the SRTP bytes it already
  // protected or use RTX (RFC 4588), which gives it a new sequence number.
  bool allowRepeatedTransmission = false;
};

class SrtpSession {
 public:
  // A session for `direction` keyed with `key`; nullptr on failure, with the
  // reason in *error when error is not null. The key bytes are not kept.
  static std::unique_ptr<SrtpSession> create(SrtpDirection direction, const SrtpMasterKey& key,
                                             SrtpSessionOptions options = {},
                                             SrtpCreateError* error = nullptr);
  ~SrtpSession();
  SrtpSession(const SrtpSession&) = delete;
  SrtpSession& operator=(const SrtpSession&) = delete;

  // Outbound. Protects the RTP packet of *length octets at buffer, whose
  // capacity is `capacity` octets (at least *length + kSrtpRtpHeadroom), and
  // sets *length to the SRTP packet's length.
  SrtpError protectRtp(uint8_t* buffer, size_t capacity, size_t* length);
  // Outbound. Same for one compound RTCP packet; needs kSrtpRtcpHeadroom.
  SrtpError protectRtcp(uint8_t* buffer, size_t capacity, size_t* length);
  // Inbound. Authenticates, replay-checks and decrypts the SRTP packet of
  // *length octets at buffer and sets *length to the RTP packet's length.
  SrtpError unprotectRtp(uint8_t* buffer, size_t* length);
  // Inbound. Same for one SRTCP packet.
  SrtpError unprotectRtcp(uint8_t* buffer, size_t* length);

  SrtpDirection direction() const { return direction_; }
  CryptoSuite suite() const { return suite_; }
  SrtpSessionStats stats() const;
  // libsrtp's srtp_err_status_t of the last failed call (0 if none), for
  // logs: LibSrtp::errorName() turns it into text.
  int lastLibSrtpStatus() const { return lastLibSrtpStatus_.load(std::memory_order_relaxed); }

 private:
  SrtpSession(SrtpDirection direction, CryptoSuite suite);
  SrtpError count(SrtpError error);

  LibSrtp::Reference library_;  // first member: outlives context_
  const SrtpDirection direction_;
  const CryptoSuite suite_;
  srtp_ctx_t_* context_ = nullptr;
  std::atomic<uint64_t> protected_{0};
  std::atomic<uint64_t> unprotected_{0};
  std::atomic<uint64_t> authFailures_{0};
  std::atomic<uint64_t> replays_{0};
  std::atomic<uint64_t> malformed_{0};
  std::atomic<uint64_t> otherErrors_{0};
  std::atomic<int> lastLibSrtpStatus_{0};
};

}  // namespace parley::srtp

#endif  // PARLEY_SRTP_SRTP_SESSION_H
