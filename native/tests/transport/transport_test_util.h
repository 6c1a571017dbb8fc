// Helpers shared by the transport tests: RTP packets to order, a fake
// PacketTransport pumped by the test (no threads), recording receivers and
// listeners.
#ifndef PARLEY_TESTS_TRANSPORT_TRANSPORT_TEST_UTIL_H
#define PARLEY_TESTS_TRANSPORT_TRANSPORT_TEST_UTIL_H

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "network/packet_transport.h"
#include "rtp/rtp_packet.h"
#include "transport/media_session.h"
#include "transport/rtp_packet_receiver.h"

namespace parley::transport::test {

using Bytes = std::vector<uint8_t>;

// A valid RTP packet; payload octets derive from seq so copies can be checked.
inline Bytes makeRtp(uint32_t ssrc, uint8_t pt, uint16_t seq, uint32_t ts = 1000,
                     size_t payloadSize = 20, bool marker = false) {
  rtp::RtpHeader header;
  header.ssrc = ssrc;
  header.payloadType = pt;
  header.sequenceNumber = seq;
  header.timestamp = ts;
  header.marker = marker;
  Bytes payload(payloadSize);
  for (size_t i = 0; i < payloadSize; ++i) payload[i] = static_cast<uint8_t>(seq * 7 + i);
  Bytes out;
  rtp::writeRtpPacket(header, rtp::ByteView(payload), 0, &out);
  return out;
}

// A PacketTransport without threads: send() collects, the test delivers.
class FakeTransport final : public network::PacketTransport {
 public:
  explicit FakeTransport(network::SocketAddress local) : local_(local) {}
  bool send(const uint8_t* data, size_t size) override {
    if (!started_) return false;
    sent.emplace_back(data, data + size);
    return true;
  }
  bool start(Listener& listener) override {
    if (started_) return false;
    listener_ = &listener;
    started_ = true;
    return true;
  }
  void stop() override { started_ = false; }
  // Hands one datagram to the session as if it came from `from`.
  void inject(const Bytes& packet, const network::SocketAddress& from, int64_t arrivalUs) {
    if (listener_ != nullptr && started_) {
      listener_->onTransportPacket(packet.data(), packet.size(), from, arrivalUs);
    }
  }
  network::SocketAddress local() const { return local_; }
  std::vector<Bytes> take() {
    std::vector<Bytes> out;
    out.swap(sent);
    return out;
  }
  std::vector<Bytes> sent;

 private:
  network::SocketAddress local_;
  Listener* listener_ = nullptr;
  bool started_ = false;
};

// Records every packet a receive stream gets. Thread-safe.
class RecordingReceiver final : public RtpPacketReceiver {
 public:
  struct Packet {
    Bytes data;
    bool retransmitted;
  };
  void receiveRtpPacket(const uint8_t* data, size_t size, int64_t, bool retransmitted) override {
    std::lock_guard<std::mutex> lock(mutex_);
    packets_.push_back({Bytes(data, data + size), retransmitted});
    if (onPacket) onPacket(packets_.back());
  }
  std::vector<Packet> packets() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return packets_;
  }
  size_t count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return packets_.size();
  }
  std::function<void(const Packet&)> onPacket;  // set before start

 private:
  mutable std::mutex mutex_;
  std::vector<Packet> packets_;
};

// Counts every MediaSession event. Thread-safe.
class RecordingSessionListener final : public MediaSession::Listener {
 public:
  void onMediaSessionTimeout() override { add(&timeouts); }
  void onMediaSessionKeyframeRequested(uint32_t) override { add(&keyframes); }
  void onMediaSessionTargetBitrate(uint64_t audio, uint64_t video) override {
    std::lock_guard<std::mutex> lock(mutex);
    ++bitrates;
    lastAudioBps = audio;
    lastVideoBps = video;
  }
  void onMediaSessionSenderReport(uint32_t, uint64_t, uint32_t, int64_t) override {
    add(&senderReports);
  }
  void onMediaSessionBye(uint32_t) override { add(&byes); }
  void onMediaSessionRttUpdated(int64_t rttMs) override {
    std::lock_guard<std::mutex> lock(mutex);
    ++rtts;
    lastRttMs = rttMs;
  }
  int get(const int* counter) {
    std::lock_guard<std::mutex> lock(mutex);
    return *counter;
  }

  std::mutex mutex;
  int timeouts = 0, keyframes = 0, bitrates = 0, senderReports = 0, byes = 0, rtts = 0;
  uint64_t lastAudioBps = 0, lastVideoBps = 0;
  int64_t lastRttMs = -1;

 private:
  void add(int* counter) {
    std::lock_guard<std::mutex> lock(mutex);
    ++*counter;
  }
};

// Polls `done` every 5 ms until it holds or timeoutMs passed (real time, for
// the tests over threads and sockets; nothing asserts how long it took).
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10'000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

}  // namespace parley::transport::test

#endif  // PARLEY_TESTS_TRANSPORT_TRANSPORT_TEST_UTIL_H
