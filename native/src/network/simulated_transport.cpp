#include "network/simulated_transport.h"

#include <algorithm>
#include <chrono>

namespace parley::network {
namespace {

// Longest sleep with nothing in flight; a send() wakes the thread earlier.
constexpr int64_t kIdleWaitUs = 50'000;

}  // namespace

SimulatedTransport::SimulatedTransport(const SimulatedNetwork::Config& inbound, Clock& clock,
                                       const SocketAddress& localAddress)
    : clock_(clock), local_(localAddress), network_(inbound, *this) {}

SimulatedTransport::~SimulatedTransport() { stop(); }

void SimulatedTransport::connect(SimulatedTransport& a, SimulatedTransport& b) {
  a.peer_ = &b;
  a.peerAddress_ = b.local_;
  b.peer_ = &a;
  b.peerAddress_ = a.local_;
}

bool SimulatedTransport::send(const uint8_t* data, size_t size) {
  if (peer_ == nullptr) return false;
  peer_->receiveFromPeer(data, size);
  return true;
}

void SimulatedTransport::receiveFromPeer(const uint8_t* data, size_t size) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    network_.send(data, size, clock_.nowUs());
  }
  wake_.notify_one();
}

bool SimulatedTransport::start(PacketTransport::Listener& listener) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (running_) return false;
  running_ = true;
  thread_ = std::thread(&SimulatedTransport::deliveryLoop, this, &listener);
  return true;
}

void SimulatedTransport::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    running_ = false;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

SimulatedNetwork::Stats SimulatedTransport::inboundStats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return network_.stats();
}

void SimulatedTransport::onSimulatedNetworkPacket(const SimulatedNetwork::Packet& packet) {
  due_.push_back(packet);
}

void SimulatedTransport::deliveryLoop(PacketTransport::Listener* listener) {
  std::vector<SimulatedNetwork::Packet> batch;
  std::unique_lock<std::mutex> lock(mutex_);
  while (running_) {
    int64_t nowUs = clock_.nowUs();
    network_.deliverDue(nowUs);
    if (!due_.empty()) {
      batch.swap(due_);
      lock.unlock();
      for (const SimulatedNetwork::Packet& packet : batch) {
        listener->onTransportPacket(packet.data.data(), packet.data.size(), peerAddress_,
                                    packet.arrivalUs);
      }
      batch.clear();
      lock.lock();
      continue;
    }
    int64_t nextUs = network_.nextDeliveryUs();
    int64_t waitUs = nextUs == SimulatedNetwork::kNoDelivery
                         ? kIdleWaitUs
                         : std::min(kIdleWaitUs, std::max<int64_t>(nextUs - nowUs, 0));
    wake_.wait_for(lock, std::chrono::microseconds(waitUs));
  }
}

}  // namespace parley::network
