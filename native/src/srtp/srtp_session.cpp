#include "srtp/srtp_session.h"

#include <srtp2/srtp.h>

#include <cstdint>
#include <cstring>

#include "rtp/byte_view.h"

namespace parley::srtp {
namespace {

static_assert(kSrtpRtpHeadroom == SRTP_MAX_TRAILER_LEN, "libsrtp's trailer bound changed");
static_assert(kMaxKeyAndSaltLength <= SRTP_MAX_KEY_LEN);
static_assert(kSrtpMaxPacketSize + kSrtpRtcpHeadroom < static_cast<size_t>(INT32_MAX));

constexpr size_t kRtpFixedHeaderSize = 12;  // RFC 3550 section 5.1
constexpr size_t kRtcpHeaderSize = 8;       // RFC 3550 section 6.4.1: V/P/RC, PT, length, SSRC
constexpr uint8_t kVersion2 = 2;

// Octets of the RTP header (RFC 3550 section 5.1: fixed part, CC CSRCs and,
// when X=1, the section 5.3.1 extension), or 0 if the packet is not RTP
// version 2 or its header runs past `length`. libsrtp checks this too; doing
// it here keeps the error precise and guards libsrtp against malformed input.
size_t rtpHeaderSize(const uint8_t* packet, size_t length) {
  if (length < kRtpFixedHeaderSize || (packet[0] >> 6) != kVersion2) return 0;
  size_t size = kRtpFixedHeaderSize + 4 * size_t{packet[0] & 0x0Fu};
  if (packet[0] & 0x10) {
    if (length < size + 4) return 0;
    size += 4 + 4 * size_t{rtp::loadBe16(packet + size + 2)};
  }
  return size <= length ? size : 0;
}

bool isRtcpVersion2(const uint8_t* packet, size_t length) {
  return length >= kRtcpHeaderSize && (packet[0] >> 6) == kVersion2;
}

SrtpError fromLibSrtp(srtp_err_status_t status) {
  switch (status) {
    case srtp_err_status_ok:
      return SrtpError::kOk;
    case srtp_err_status_auth_fail:
      return SrtpError::kAuthenticationFailed;
    case srtp_err_status_replay_fail:
    case srtp_err_status_replay_old:
      return SrtpError::kReplay;
    case srtp_err_status_bad_param:
    case srtp_err_status_parse_err:
      return SrtpError::kMalformed;
    default:
      return SrtpError::kOther;
  }
}

}  // namespace

const char* srtpErrorName(SrtpError error) {
  switch (error) {
    case SrtpError::kOk:
      return "ok";
    case SrtpError::kAuthenticationFailed:
      return "auth-failed";
    case SrtpError::kReplay:
      return "replay";
    case SrtpError::kMalformed:
      return "malformed";
    case SrtpError::kBufferTooSmall:
      return "buffer-too-small";
    case SrtpError::kWrongDirection:
      return "wrong-direction";
    case SrtpError::kOther:
      return "other";
  }
  return "unknown";
}

const char* srtpCreateErrorName(SrtpCreateError error) {
  switch (error) {
    case SrtpCreateError::kOk:
      return "ok";
    case SrtpCreateError::kWrongKeyLength:
      return "wrong-key-length";
    case SrtpCreateError::kInitFailed:
      return "init-failed";
    case SrtpCreateError::kCreateFailed:
      return "create-failed";
  }
  return "unknown";
}

SrtpSession::SrtpSession(SrtpDirection direction, CryptoSuite suite)
    : direction_(direction), suite_(suite) {}

SrtpSession::~SrtpSession() {
  if (context_ != nullptr) srtp_dealloc(context_);
}

std::unique_ptr<SrtpSession> SrtpSession::create(SrtpDirection direction, const SrtpMasterKey& key,
                                                 SrtpSessionOptions options,
                                                 SrtpCreateError* error) {
  SrtpCreateError ignored;
  if (error == nullptr) error = &ignored;
  if (key.keyAndSalt.size() != cryptoSuiteInfo(key.suite).keyAndSaltLength()) {
    *error = SrtpCreateError::kWrongKeyLength;
    return nullptr;
  }
  std::unique_ptr<SrtpSession> session(new SrtpSession(direction, key.suite));
  if (!session->library_.ok()) {
    *error = SrtpCreateError::kInitFailed;
    return nullptr;
  }

  srtp_policy_t policy;
  std::memset(&policy, 0, sizeof(policy));
  switch (key.suite) {
    case CryptoSuite::kAesCm128HmacSha1_80:
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtp);
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtcp);
      break;
    case CryptoSuite::kAeadAes128Gcm:
      srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtp);
      srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtcp);
      break;
  }
  policy.ssrc.type = direction == SrtpDirection::kInbound ? ssrc_any_inbound : ssrc_any_outbound;
  // libsrtp derives the session keys inside srtp_create() and keeps no
  // pointer to the master key, so a local copy (wiped after) is enough.
  uint8_t master[SRTP_MAX_KEY_LEN] = {};
  std::memcpy(master, key.keyAndSalt.data(), key.keyAndSalt.size());
  policy.key = master;
  policy.window_size = 0;  // libsrtp's default replay window, 128 packets
  policy.allow_repeat_tx =
      direction == SrtpDirection::kOutbound && options.allowRepeatedTransmission ? 1 : 0;
  policy.next = nullptr;

  srtp_t context = nullptr;
  const srtp_err_status_t status = srtp_create(&context, &policy);
  std::memset(master, 0, sizeof(master));  // best effort: the compiler may drop it
  if (status != srtp_err_status_ok) {
    *error = SrtpCreateError::kCreateFailed;
    return nullptr;
  }
  session->context_ = context;
  *error = SrtpCreateError::kOk;
  return session;
}

SrtpError SrtpSession::count(SrtpError error) {
  switch (error) {
    case SrtpError::kOk:
      break;
    case SrtpError::kAuthenticationFailed:
      ++authFailures_;
      break;
    case SrtpError::kReplay:
      ++replays_;
      break;
    case SrtpError::kMalformed:
    case SrtpError::kBufferTooSmall:
      ++malformed_;
      break;
    case SrtpError::kWrongDirection:
    case SrtpError::kOther:
      ++otherErrors_;
      break;
  }
  return error;
}

SrtpError SrtpSession::protectRtp(uint8_t* buffer, size_t capacity, size_t* length) {
  if (direction_ != SrtpDirection::kOutbound) return count(SrtpError::kWrongDirection);
  if (*length > kSrtpMaxPacketSize || rtpHeaderSize(buffer, *length) == 0) {
    return count(SrtpError::kMalformed);
  }
  if (capacity < *length + kSrtpRtpHeadroom) return count(SrtpError::kBufferTooSmall);
  int size = static_cast<int>(*length);
  const srtp_err_status_t status = srtp_protect(context_, buffer, &size);
  if (status != srtp_err_status_ok) {
    lastLibSrtpStatus_ = status;
    return count(fromLibSrtp(status));
  }
  *length = static_cast<size_t>(size);
  ++protected_;
  return SrtpError::kOk;
}

SrtpError SrtpSession::protectRtcp(uint8_t* buffer, size_t capacity, size_t* length) {
  if (direction_ != SrtpDirection::kOutbound) return count(SrtpError::kWrongDirection);
  if (*length > kSrtpMaxPacketSize || !isRtcpVersion2(buffer, *length)) {
    return count(SrtpError::kMalformed);
  }
  if (capacity < *length + kSrtpRtcpHeadroom) return count(SrtpError::kBufferTooSmall);
  int size = static_cast<int>(*length);
  const srtp_err_status_t status = srtp_protect_rtcp(context_, buffer, &size);
  if (status != srtp_err_status_ok) {
    lastLibSrtpStatus_ = status;
    return count(fromLibSrtp(status));
  }
  *length = static_cast<size_t>(size);
  ++protected_;
  return SrtpError::kOk;
}

SrtpError SrtpSession::unprotectRtp(uint8_t* buffer, size_t* length) {
  if (direction_ != SrtpDirection::kInbound) return count(SrtpError::kWrongDirection);
  const size_t headerSize = *length > kSrtpMaxPacketSize ? 0 : rtpHeaderSize(buffer, *length);
  if (headerSize == 0 || *length < headerSize + cryptoSuiteInfo(suite_).srtpTagLength) {
    return count(SrtpError::kMalformed);
  }
  int size = static_cast<int>(*length);
  const srtp_err_status_t status = srtp_unprotect(context_, buffer, &size);
  if (status != srtp_err_status_ok) {
    lastLibSrtpStatus_ = status;
    return count(fromLibSrtp(status));
  }
  *length = static_cast<size_t>(size);
  ++unprotected_;
  return SrtpError::kOk;
}

SrtpError SrtpSession::unprotectRtcp(uint8_t* buffer, size_t* length) {
  if (direction_ != SrtpDirection::kInbound) return count(SrtpError::kWrongDirection);
  if (*length > kSrtpMaxPacketSize || !isRtcpVersion2(buffer, *length) ||
      *length < kRtcpHeaderSize + cryptoSuiteInfo(suite_).srtcpTrailerLength) {
    return count(SrtpError::kMalformed);
  }
  int size = static_cast<int>(*length);
  const srtp_err_status_t status = srtp_unprotect_rtcp(context_, buffer, &size);
  if (status != srtp_err_status_ok) {
    lastLibSrtpStatus_ = status;
    return count(fromLibSrtp(status));
  }
  *length = static_cast<size_t>(size);
  ++unprotected_;
  return SrtpError::kOk;
}

SrtpSessionStats SrtpSession::stats() const {
  SrtpSessionStats s;
  s.protectedPackets = protected_.load(std::memory_order_relaxed);
  s.unprotectedPackets = unprotected_.load(std::memory_order_relaxed);
  s.authFailures = authFailures_.load(std::memory_order_relaxed);
  s.replays = replays_.load(std::memory_order_relaxed);
  s.malformed = malformed_.load(std::memory_order_relaxed);
  s.otherErrors = otherErrors_.load(std::memory_order_relaxed);
  return s;
}

}  // namespace parley::srtp
