#include "network/udp_transport.h"

namespace parley::network {
namespace {

// Datagrams read per wake-up before checking running_ again, so a flood
// cannot keep stop() waiting.
constexpr int kMaxPacketsPerWakeup = 256;

}  // namespace

UdpTransport::UdpTransport(const Config& config, Clock& clock) : config_(config), clock_(clock) {}

UdpTransport::~UdpTransport() { close(); }

bool UdpTransport::open(std::string* error) {
  close();
  uint16_t first = config_.minPort;
  uint16_t last = config_.minPort == 0 ? 0 : config_.maxPort;
  if (last < first) {
    *error = "invalid UDP port range " + std::to_string(first) + "-" + std::to_string(last);
    return false;
  }
  std::string lastError;
  for (uint32_t port = first; port <= last; ++port) {
    SocketAddress local = config_.bindAddress.withPort(static_cast<uint16_t>(port));
    UdpSocket::BindResult result = socket_.open(local, &lastError);
    if (result == UdpSocket::BindResult::kOk) {
      socket_.setBufferSizes(config_.socketBufferBytes, &receiveBufferBytes_, &sendBufferBytes_);
      local_ = socket_.localAddress();
      return true;
    }
    if (result == UdpSocket::BindResult::kError) {
      *error = "cannot bind UDP " + local.toString() + ": " + lastError;
      return false;
    }
  }
  *error = "no free UDP port in " + config_.bindAddress.hostString() + " ports " +
           std::to_string(first) + "-" + std::to_string(last) + " (" + lastError + ")";
  return false;
}

bool UdpTransport::send(const uint8_t* data, size_t size) {
  if (size > config_.maxPacketBytes) {
    oversizedSent_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  std::optional<SocketAddress> to = remote();
  if (!to || !socket_.isOpen() || to->family() != local_.family()) {
    sendErrors_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  std::string error;
  switch (socket_.sendTo(data, size, *to, &error)) {
    case UdpSocket::SendResult::kOk:
      packetsSent_.fetch_add(1, std::memory_order_relaxed);
      bytesSent_.fetch_add(size, std::memory_order_relaxed);
      return true;
    case UdpSocket::SendResult::kTooBig:
      oversizedSent_.fetch_add(1, std::memory_order_relaxed);
      return false;
    case UdpSocket::SendResult::kWouldBlock:
    case UdpSocket::SendResult::kError:
      break;
  }
  sendErrors_.fetch_add(1, std::memory_order_relaxed);
  return false;
}

bool UdpTransport::start(Listener& listener) {
  if (!socket_.isOpen() || running_.load()) return false;
  running_.store(true);
  thread_ = std::thread(&UdpTransport::receiveLoop, this, &listener);
  return true;
}

void UdpTransport::stop() {
  running_.store(false);
  if (thread_.joinable()) thread_.join();
}

void UdpTransport::close() {
  stop();
  socket_.close();
  local_ = SocketAddress();
  receiveBufferBytes_ = 0;
  sendBufferBytes_ = 0;
}

void UdpTransport::setRemote(const SocketAddress& remote) {
  std::lock_guard<std::mutex> lock(remoteMutex_);
  remote_ = remote;
}

bool UdpTransport::latchRemote(const SocketAddress& from) {
  std::lock_guard<std::mutex> lock(remoteMutex_);
  if (remote_ && *remote_ == from) return false;
  remote_ = from;
  remoteLatches_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

std::optional<SocketAddress> UdpTransport::remote() const {
  std::lock_guard<std::mutex> lock(remoteMutex_);
  return remote_;
}

UdpTransport::Stats UdpTransport::stats() const {
  Stats stats;
  stats.packetsSent = packetsSent_.load(std::memory_order_relaxed);
  stats.bytesSent = bytesSent_.load(std::memory_order_relaxed);
  stats.packetsReceived = packetsReceived_.load(std::memory_order_relaxed);
  stats.bytesReceived = bytesReceived_.load(std::memory_order_relaxed);
  stats.sendErrors = sendErrors_.load(std::memory_order_relaxed);
  stats.oversizedSent = oversizedSent_.load(std::memory_order_relaxed);
  stats.oversizedReceived = oversizedReceived_.load(std::memory_order_relaxed);
  stats.receiveErrors = receiveErrors_.load(std::memory_order_relaxed);
  stats.remoteLatches = remoteLatches_.load(std::memory_order_relaxed);
  return stats;
}

void UdpTransport::receiveLoop(Listener* listener) {
  // One byte of headroom would not tell an exact fit from an overflow on
  // every OS; the socket reports truncation instead.
  std::vector<uint8_t> buffer(config_.maxPacketBytes);
  while (running_.load(std::memory_order_relaxed)) {
    if (socket_.waitReadable(config_.pollIntervalMs)) deliverPending(*listener, buffer);
  }
}

void UdpTransport::deliverPending(Listener& listener, std::vector<uint8_t>& buffer) {
  for (int i = 0; i < kMaxPacketsPerWakeup && running_.load(std::memory_order_relaxed); ++i) {
    size_t size = 0;
    SocketAddress from;
    switch (socket_.receive(buffer.data(), buffer.size(), &size, &from)) {
      case UdpSocket::ReceiveResult::kPacket:
        packetsReceived_.fetch_add(1, std::memory_order_relaxed);
        bytesReceived_.fetch_add(size, std::memory_order_relaxed);
        listener.onTransportPacket(buffer.data(), size, from, clock_.nowUs());
        break;
      case UdpSocket::ReceiveResult::kTruncated:
        oversizedReceived_.fetch_add(1, std::memory_order_relaxed);
        break;
      case UdpSocket::ReceiveResult::kNone:
        return;
      case UdpSocket::ReceiveResult::kError:
        receiveErrors_.fetch_add(1, std::memory_order_relaxed);
        return;
    }
  }
}

}  // namespace parley::network
