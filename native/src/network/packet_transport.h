// The network as the media pipelines see it: a real UDP socket
// (UdpTransport) or a simulated link (SimulatedTransport).
#ifndef PARLEY_NETWORK_PACKET_TRANSPORT_H
#define PARLEY_NETWORK_PACKET_TRANSPORT_H

#include <cstddef>
#include <cstdint>

#include "network/socket_address.h"

namespace parley::network {

// Sends datagrams to the current remote and hands received ones to a
// listener. One transport per call carries RTP and RTCP multiplexed
// (RFC 5761); demultiplexing is the caller's job.
//
// Threads: send() may be called from any thread. The listener is called on
// the transport's own receive thread, one packet at a time, between start()
// and the return of stop(); it must not block for long and must not call
// stop(). Nothing is buffered for a slow listener beyond the OS socket
// buffer (or the simulated link's bounded queue).
class PacketTransport {
 public:
  class Listener {
   public:
    virtual ~Listener() = default;
    // data is valid only during the call. `from` is where the packet came
    // from, which need not be the remote: the session decides what to do
    // with strangers (see UdpTransport::latchRemote). arrivalUs is the
    // transport clock's time when the packet was read.
    virtual void onTransportPacket(const uint8_t* data, size_t size, const SocketAddress& from,
                                   int64_t arrivalUs) = 0;
  };

  virtual ~PacketTransport() = default;

  // Queues one datagram for the remote. false when it was not sent: no
  // remote yet, too big, not started, or the OS refused it (counted in the
  // implementation's statistics). Never blocks on the network.
  virtual bool send(const uint8_t* data, size_t size) = 0;
  // Starts delivering received packets to listener (which must outlive
  // stop()). false if the transport cannot run (not open, already started).
  virtual bool start(Listener& listener) = 0;
  // Stops delivery; when it returns, the listener is not called again.
  // Returns promptly (bounded by a poll interval) and may be called twice.
  virtual void stop() = 0;
};

}  // namespace parley::network

#endif  // PARLEY_NETWORK_PACKET_TRANSPORT_H
