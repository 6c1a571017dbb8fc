// What a MediaSession is built from (one call's media settings) and what it
// reports (statistics per stream, polled).
#ifndef PARLEY_TRANSPORT_MEDIA_SESSION_CONFIG_H
#define PARLEY_TRANSPORT_MEDIA_SESSION_CONFIG_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "congestion/abs_send_time.h"
#include "congestion/bitrate_allocator.h"
#include "congestion/packet_pacer.h"
#include "congestion/receive_side_estimator.h"
#include "congestion/send_side_controller.h"
#include "network/socket_address.h"
#include "srtp/sdes_crypto_attribute.h"
#include "transport/media_kind.h"
#include "transport/rtp_packet_history.h"

namespace parley::transport {

// One stream we send: its SSRC and payload type, and optionally the RFC 4588
// RTX SSRC/payload type NACKed packets are resent on (0: resend the original
// packet as it was).
struct SendStreamConfig {
  MediaKind kind = MediaKind::kVideo;
  uint32_t ssrc = 0;
  uint8_t payloadType = 0;
  uint32_t clockRate = 90000;
  uint32_t rtxSsrc = 0;
  uint8_t rtxPayloadType = 0;
};

// One stream we receive. remoteSsrc 0: the first SSRC seen with this payload
// type (after authentication) is taken; rtxSsrc 0 with an rtxPayloadType:
// likewise for the RTX stream.
struct ReceiveStreamConfig {
  MediaKind kind = MediaKind::kVideo;
  uint32_t remoteSsrc = 0;
  uint8_t payloadType = 0;
  uint32_t clockRate = 90000;
  uint32_t rtxSsrc = 0;
  uint8_t rtxPayloadType = 0;
};

struct MediaSessionConfig {
  std::string cname = "parley";
  // SRTP (RFC 3711): our key protects what we send, the peer's key unprotects
  // what we receive (SDES a=crypto, or later DTLS-SRTP). Both or neither.
  std::optional<srtp::SrtpMasterKey> localKey;
  std::optional<srtp::SrtpMasterKey> remoteKey;
  // Plain RTP is used only when this is set AND no keys are given (both
  // sides agreed to RTP/AVPF without crypto); otherwise start() refuses.
  bool allowPlainRtp = false;

  int64_t mediaTimeoutMs = 10'000;  // silence before onMediaSessionTimeout
  // RTCP: session bandwidth for the report interval (RFC 3550 section 6.2;
  // RTCP takes 5% of it), reduced minimum, spacing of early feedback.
  double sessionBandwidthBps = 2'000'000;
  bool rtcpReducedMinimum = true;
  int64_t rtcpFeedbackSpacingMs = 10;
  // The SSRC our RTCP comes from when we have no send stream; 0: random.
  uint32_t localSsrc = 0;

  congestion::SendSideController::Config sendRate;     // floor / ceiling / start
  congestion::ReceiveSideEstimator::Config receiveRate;
  congestion::BitrateAllocationConfig allocation;      // hasAudio/hasVideo follow the streams
  congestion::PacketPacer::Config pacer;
  RtpPacketHistory::Config history;
  int64_t keyframeMinIntervalMs = 300;  // sender side, per stream
  // Above this fraction lost (the peer's last report), each RTX
  // retransmission goes out twice; 1 or more: never.
  double redundantRetransmissionLoss = 0.02;
  // RFC 8285 id of abs-send-time (a=extmap); 0: not negotiated, not stamped.
  uint8_t absSendTimeExtensionId = congestion::kAbsSendTimeExtensionId;

  // Symmetric RTP: the remote the transport sends to now (from SDP), and how
  // to move it (UdpTransport::latchRemote). When latchRemote is set, the
  // first authenticated packet from another address moves the remote there.
  std::optional<network::SocketAddress> remoteAddress;
  std::function<bool(const network::SocketAddress&)> latchRemote;

  // false: no worker thread; the owner calls MediaSession::process() (tests
  // on a fake clock).
  bool runWorkerThread = true;
};

// Counters of one stream, monotonic over the session (lost may go down:
// duplicates, RFC 3550 A.3).
struct MediaStreamStats {
  MediaKind kind = MediaKind::kVideo;
  uint32_t ssrc = 0;
  uint8_t payloadType = 0;
  uint64_t packets = 0;  // sent (handed to the pacer) or received (delivered)
  uint64_t bytes = 0;
  int64_t packetsLost = 0;          // receive: ReceiveStatistics; send: the peer's last report
  double fractionLost = 0;          // send: the peer's last report block (0..1)
  uint64_t retransmitted = 0;       // send: resent for NACKs; receive: recovered via RTX
  uint64_t retransmittedCopies = 0; // send: second RTX copies on a lossy path
  uint64_t nacksSent = 0;           // receive streams: NACK requests we made (packets)
  uint64_t nacksReceived = 0;       // send streams: packets the peer NACKed
  uint64_t nackMisses = 0;          // send streams: NACKed but no longer in history
  uint64_t resendsSuppressed = 0;   // send streams: NACKed again within an RTT of a resend
  uint64_t plisSent = 0;            // receive streams
  uint64_t plisReceived = 0;        // send streams
  uint64_t keyframesRequested = 0;  // send streams: PLIs passed to the encoder
  double jitterMs = 0;              // receive: our estimate; send: the peer's report
};

struct MediaSessionStats {
  std::vector<MediaStreamStats> send;
  std::vector<MediaStreamStats> receive;
  int64_t rttMs = -1;  // -1 until a report block allowed one
  uint64_t targetBitrateBps = 0;
  uint64_t audioTargetBps = 0;
  uint64_t videoTargetBps = 0;
  uint64_t rembReceivedBps = 0;     // peer's estimate of our path
  uint64_t receiveEstimateBps = 0;  // ours of the peer's path
  uint64_t srtpAuthFailures = 0;
  uint64_t srtpReplays = 0;
  uint64_t srtpOtherErrors = 0;  // malformed for SRTP, libsrtp failures
  uint64_t malformedPackets = 0;
  uint64_t unknownPackets = 0;  // valid RTP for no receive stream
  uint64_t rtcpSent = 0;
  uint64_t rtcpReceived = 0;
  uint64_t rtcpMalformed = 0;
  uint64_t sendErrors = 0;  // transport refused, or protect failed
  int64_t pacerQueueDelayMs = 0;
  uint64_t pacerDropped = 0;
  uint64_t remoteLatches = 0;
  bool timedOut = false;  // silent for mediaTimeoutMs now (cleared by the next packet)
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_MEDIA_SESSION_CONFIG_H
