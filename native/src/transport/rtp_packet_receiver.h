// Where a media session hands the RTP packets of one receive stream.
#ifndef PARLEY_TRANSPORT_RTP_PACKET_RECEIVER_H
#define PARLEY_TRANSPORT_RTP_PACKET_RECEIVER_H

#include <cstddef>
#include <cstdint>

namespace parley::transport {

// Takes the authenticated, demultiplexed RTP packets of one stream (already
// unwrapped when they came as RFC 4588 retransmissions: then `retransmitted`
// is true and the packet is the original one, SSRC, payload type and sequence
// number restored). Called on the transport's receive thread, never with the
// session's lock held: it may call back into the session (sendNack, sendPli),
// but must not block for long. data is valid only during the call.
class RtpPacketReceiver {
 public:
  virtual ~RtpPacketReceiver() = default;
  virtual void receiveRtpPacket(const uint8_t* data, size_t size, int64_t arrivalUs,
                                bool retransmitted) = 0;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_RTP_PACKET_RECEIVER_H
