// Where a send stream puts the RTP packets it makes.
#ifndef PARLEY_PIPELINE_RTP_PACKET_SINK_H
#define PARLEY_PIPELINE_RTP_PACKET_SINK_H

#include <cstddef>
#include <cstdint>

namespace parley::pipeline {

// Takes serialized RTP packets: a UDP transport, a simulated network, or, in
// the loopback harness, a receive stream directly. Called on the sending
// stream's thread; must not block for long (queue if the network is slow).
class RtpPacketSink {
 public:
  virtual ~RtpPacketSink() = default;
  virtual void sendRtpPacket(const uint8_t* data, size_t size) = 0;
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_RTP_PACKET_SINK_H
