#include "transport/rtp_rtcp_demuxer.h"

#include "rtcp/rtcp_packets.h"
#include "rtp/rtp_packet.h"

namespace parley::transport {

size_t RtpRtcpDemuxer::addStream(uint32_t ssrc, uint8_t payloadType, uint32_t rtxSsrc,
                                 uint8_t rtxPayloadType, bool hasRtx) {
  streams_.push_back(Stream{ssrc, payloadType, rtxSsrc, rtxPayloadType, hasRtx});
  return streams_.size() - 1;
}

bool RtpRtcpDemuxer::ssrcTaken(uint32_t ssrc) const {
  for (const Stream& s : streams_) {
    if (s.ssrc == ssrc || (s.hasRtx && s.rtxSsrc == ssrc)) return true;
  }
  return false;
}

RtpRtcpDemuxer::Route RtpRtcpDemuxer::classify(const uint8_t* data, size_t size) {
  Route route;
  if (rtcp::isRtcp(data, size)) {
    // Version check only: the agent parses (and counts) the compound.
    if ((data[0] >> 6) != rtcp::kRtcpVersion) {
      route.kind = Kind::kMalformed;
      ++stats_.malformed;
      return route;
    }
    route.kind = Kind::kRtcp;
    ++stats_.rtcp;
    return route;
  }
  rtp::RtpPacketView view;
  if (rtp::parseRtpPacket(data, size, &view) != rtp::RtpParseError::kOk) {
    route.kind = Kind::kMalformed;
    ++stats_.malformed;
    return route;
  }
  const uint32_t ssrc = view.header.ssrc;
  const uint8_t pt = view.header.payloadType;
  route.ssrc = ssrc;
  bool ssrcKnown = false;
  // Bound streams first: an SSRC belongs to one stream only.
  for (size_t i = 0; i < streams_.size(); ++i) {
    const Stream& s = streams_[i];
    if (s.ssrc != 0 && s.ssrc == ssrc) {
      ssrcKnown = true;
      if (pt == s.payloadType) {
        route.kind = Kind::kMedia;
        route.stream = i;
        ++stats_.media;
        return route;
      }
    }
    if (s.hasRtx && s.rtxSsrc != 0 && s.rtxSsrc == ssrc) {
      ssrcKnown = true;
      if (pt == s.rtxPayloadType) {
        route.kind = Kind::kRtx;
        route.stream = i;
        ++stats_.rtx;
        return route;
      }
    }
  }
  if (ssrcKnown) {
    route.kind = Kind::kUnknown;
    ++stats_.unknownPayloadType;
    return route;
  }
  // A new SSRC: bind it to the first unbound stream of its payload type.
  if (!ssrcTaken(ssrc)) {
    for (size_t i = 0; i < streams_.size(); ++i) {
      Stream& s = streams_[i];
      if (s.ssrc == 0 && pt == s.payloadType) {
        s.ssrc = ssrc;
        route.kind = Kind::kMedia;
        route.stream = i;
        ++stats_.media;
        return route;
      }
      if (s.hasRtx && s.rtxSsrc == 0 && pt == s.rtxPayloadType) {
        s.rtxSsrc = ssrc;
        route.kind = Kind::kRtx;
        route.stream = i;
        ++stats_.rtx;
        return route;
      }
    }
  }
  route.kind = Kind::kUnknown;
  ++stats_.unknownSsrc;
  return route;
}

}  // namespace parley::transport
