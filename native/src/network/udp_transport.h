// The real network: one UDP socket per call, RTP and RTCP multiplexed.
#ifndef PARLEY_NETWORK_UDP_TRANSPORT_H
#define PARLEY_NETWORK_UDP_TRANSPORT_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "network/packet_transport.h"
#include "network/udp_socket.h"

namespace parley::network {

// One UDP socket (IPv4 or IPv6) bound to the first free port of a range,
// with a receive thread that hands each datagram to the listener, stamped
// with the injected clock's time.
//
// Remote address and symmetric RTP: packets go to the address given by
// setRemote() (from SDP) or latchRemote(). The transport NEVER changes the
// remote by itself and never filters by source: every datagram is delivered
// with its `from`, strangers included. A session doing symmetric RTP (for
// NATs that rewrite the port) calls latchRemote(from) only after a packet from
// that address has been authenticated (SRTP unprotect succeeded), so an
// attacker cannot redirect media by spoofing one unauthenticated packet.
//
// Bounded: the only queue is the OS socket buffer (4 MiB asked, see
// receiveBufferBytes() for what was granted); the receive thread reads one
// packet at a time into a fixed buffer. Packets larger than maxPacketBytes
// are dropped and counted in both directions.
//
// Threads: open() and stop() from the owning thread; send(), setRemote(),
// latchRemote(), remote() and stats() from any thread.
class UdpTransport final : public PacketTransport {
 public:
  struct Config {
    // Address to bind (its port is ignored): 127.0.0.1 or ::1 for tests,
    // 0.0.0.0 or :: (ipv4Any/ipv6Any) in a call.
    SocketAddress bindAddress = SocketAddress::ipv4Any();
    // Ports tried in order, first free wins. minPort 0: the OS picks one.
    uint16_t minPort = 0;
    uint16_t maxPort = 0;
    int socketBufferBytes = 4 * 1024 * 1024;  // asked for SO_RCVBUF and SO_SNDBUF
    size_t maxPacketBytes = 1500;             // larger ones are dropped, both ways
    int pollIntervalMs = 50;                  // bounds how long stop() takes
  };

  // Every counter is monotonic over the transport's life.
  struct Stats {
    uint64_t packetsSent = 0;
    uint64_t bytesSent = 0;
    uint64_t packetsReceived = 0;  // delivered to the listener
    uint64_t bytesReceived = 0;
    uint64_t sendErrors = 0;         // no remote, not open, or the OS refused / was full
    uint64_t oversizedSent = 0;      // refused by send(): above maxPacketBytes or EMSGSIZE
    uint64_t oversizedReceived = 0;  // arrived above maxPacketBytes, dropped
    uint64_t receiveErrors = 0;
    uint64_t remoteLatches = 0;  // latchRemote() calls that changed the remote
  };

  UdpTransport(const Config& config, Clock& clock);
  ~UdpTransport() override;  // stops and closes

  // Binds the socket. false with *error (e.g. "no free UDP port in
  // 127.0.0.1 ports 40000-40001") if no port of the range could be bound.
  bool open(std::string* error);
  bool isOpen() const { return socket_.isOpen(); }
  // The bound address and port (valid after open()).
  SocketAddress localAddress() const { return local_; }
  // What the OS granted for SO_RCVBUF / SO_SNDBUF (Linux reports twice the
  // usable size); 0 before open().
  int receiveBufferBytes() const { return receiveBufferBytes_; }
  int sendBufferBytes() const { return sendBufferBytes_; }

  bool send(const uint8_t* data, size_t size) override;
  bool start(Listener& listener) override;
  void stop() override;
  // Stops and releases the socket (and its port).
  void close();

  // Where send() goes, from signalling. Must be of the bound family.
  void setRemote(const SocketAddress& remote);
  // Symmetric RTP: follow a peer whose packet from `from` has been
  // authenticated by the caller. Returns true when the remote changed.
  bool latchRemote(const SocketAddress& from);
  std::optional<SocketAddress> remote() const;

  Stats stats() const;

 private:
  void receiveLoop(Listener* listener);
  void deliverPending(Listener& listener, std::vector<uint8_t>& buffer);

  Config config_;
  Clock& clock_;
  UdpSocket socket_;
  SocketAddress local_;
  int receiveBufferBytes_ = 0;
  int sendBufferBytes_ = 0;

  mutable std::mutex remoteMutex_;
  std::optional<SocketAddress> remote_;

  std::atomic<bool> running_{false};
  std::thread thread_;

  std::atomic<uint64_t> packetsSent_{0};
  std::atomic<uint64_t> bytesSent_{0};
  std::atomic<uint64_t> packetsReceived_{0};
  std::atomic<uint64_t> bytesReceived_{0};
  std::atomic<uint64_t> sendErrors_{0};
  std::atomic<uint64_t> oversizedSent_{0};
  std::atomic<uint64_t> oversizedReceived_{0};
  std::atomic<uint64_t> receiveErrors_{0};
  std::atomic<uint64_t> remoteLatches_{0};
};

}  // namespace parley::network

#endif  // PARLEY_NETWORK_UDP_TRANSPORT_H
