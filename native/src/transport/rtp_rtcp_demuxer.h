// The first fork of the receive path on a port carrying RTP and RTCP
// together (RFC 5761): RTCP or RTP, and for RTP which registered receive
// stream it belongs to, as media or as its RFC 4588 retransmission.
#ifndef PARLEY_TRANSPORT_RTP_RTCP_DEMUXER_H
#define PARLEY_TRANSPORT_RTP_RTCP_DEMUXER_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::transport {

// Streams are registered with their payload type, their SSRC (0: the first
// SSRC seen with that payload type is bound to the stream, as when the
// peer's SDP named no a=ssrc) and optionally an RTX SSRC / payload type
// (RTX SSRC 0: bound on first sight of the RTX payload type).
//
// classify() looks at the header only (RFC 5761 section 4: second octet
// 192..223 is RTCP). It does not authenticate anything: call it after SRTP
// unprotect, so that only authenticated SSRCs get bound. RTP that matches no
// stream (unknown SSRC, or an SSRC whose payload type is not the stream's) is
// counted and the caller drops it. Not thread-safe.
class RtpRtcpDemuxer {
 public:
  enum class Kind {
    kRtcp,       // hand to the RTCP agent
    kMedia,      // RTP of stream `stream`
    kRtx,        // RTX of stream `stream`: unwrap (rtx.h) first
    kMalformed,  // neither valid RTP nor plausible RTCP
    kUnknown,    // valid RTP for no registered stream
  };
  struct Route {
    Kind kind = Kind::kUnknown;
    size_t stream = 0;  // registration index, for kMedia and kRtx
    uint32_t ssrc = 0;  // the packet's SSRC (RTP)
  };
  struct Stats {
    uint64_t rtcp = 0;
    uint64_t media = 0;
    uint64_t rtx = 0;
    uint64_t malformed = 0;
    uint64_t unknownSsrc = 0;         // no stream has this SSRC or could bind it
    uint64_t unknownPayloadType = 0;  // the SSRC is known but the payload type is not its
  };

  // Returns the stream's index (0, 1, ... in registration order).
  size_t addStream(uint32_t ssrc, uint8_t payloadType, uint32_t rtxSsrc, uint8_t rtxPayloadType,
                   bool hasRtx);

  Route classify(const uint8_t* data, size_t size);

  // The SSRC a stream is bound to now (0 while unbound).
  uint32_t streamSsrc(size_t stream) const { return streams_[stream].ssrc; }
  uint32_t streamRtxSsrc(size_t stream) const { return streams_[stream].rtxSsrc; }
  const Stats& stats() const { return stats_; }

 private:
  struct Stream {
    uint32_t ssrc;
    uint8_t payloadType;
    uint32_t rtxSsrc;
    uint8_t rtxPayloadType;
    bool hasRtx;
  };
  bool ssrcTaken(uint32_t ssrc) const;

  std::vector<Stream> streams_;
  Stats stats_;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_RTP_RTCP_DEMUXER_H
