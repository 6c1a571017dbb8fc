// A PacketTransport over a SimulatedNetwork, for pipelines and the bench
// running on real time.
#ifndef PARLEY_NETWORK_SIMULATED_TRANSPORT_H
#define PARLEY_NETWORK_SIMULATED_TRANSPORT_H

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "network/packet_transport.h"
#include "network/simulated_network.h"

namespace parley::network {

// One end of a simulated two-way link. Each end owns the SimulatedNetwork of
// its INBOUND direction (so config describes what happens to packets sent to
// this end) and a delivery thread that sleeps until the next packet is due
// on the injected clock and hands it to the listener, with `from` set to the
// peer's address and arrivalUs to the packet's simulated arrival time.
//
//   SimulatedTransport a(downlinkOfA, SystemClock::instance(), addrA);
//   SimulatedTransport b(downlinkOfB, SystemClock::instance(), addrB);
//   SimulatedTransport::connect(a, b);
//   a.start(listenerA); b.start(listenerB);  ...  a.stop(); b.stop();
//
// The clock must move in real time (the thread waits with the OS); tests of
// the impairments themselves use SimulatedNetwork on a fake clock instead.
// Packets sent before start() wait in the bounded link. Both ends must be
// stopped, and neither sending, before either is destroyed.
class SimulatedTransport final : public PacketTransport, private SimulatedNetwork::Listener {
 public:
  SimulatedTransport(const SimulatedNetwork::Config& inbound, Clock& clock,
                     const SocketAddress& localAddress);
  ~SimulatedTransport() override;  // stops

  // Wires a's sends to b's inbound link and b's to a's. Call before sending.
  static void connect(SimulatedTransport& a, SimulatedTransport& b);

  bool send(const uint8_t* data, size_t size) override;
  bool start(PacketTransport::Listener& listener) override;
  void stop() override;

  SocketAddress localAddress() const { return local_; }
  // Statistics of the inbound link (packets sent TO this end).
  SimulatedNetwork::Stats inboundStats() const;

 private:
  void onSimulatedNetworkPacket(const SimulatedNetwork::Packet& packet) override;
  // Called by the peer's send().
  void receiveFromPeer(const uint8_t* data, size_t size);
  void deliveryLoop(PacketTransport::Listener* listener);

  Clock& clock_;
  SocketAddress local_;
  SimulatedTransport* peer_ = nullptr;
  SocketAddress peerAddress_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  SimulatedNetwork network_;                   // guarded by mutex_
  std::vector<SimulatedNetwork::Packet> due_;  // filled by deliverDue(), bounded by the link
  bool running_ = false;
  std::thread thread_;
};

}  // namespace parley::network

#endif  // PARLEY_NETWORK_SIMULATED_TRANSPORT_H
