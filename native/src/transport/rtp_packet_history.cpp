#include "transport/rtp_packet_history.h"

#include <algorithm>
#include <utility>

namespace parley::transport {

RtpPacketHistory::RtpPacketHistory(const Config& config) : config_(config) {
  config_.maxPackets = std::clamp<size_t>(config_.maxPackets, 1, 32768);
  if (config_.maxAgeUs < 0) config_.maxAgeUs = 0;
}

void RtpPacketHistory::popFront() {
  Entry& front = order_.front();
  auto it = index_.find(front.key);
  // A replaced entry stays in order_ until it reaches the front; only the
  // live one owns the index slot.
  if (it != index_.end() && it->second == &front) index_.erase(it);
  order_.pop_front();
}

void RtpPacketHistory::expire(int64_t nowUs) {
  while (!order_.empty() && nowUs - order_.front().insertedUs > config_.maxAgeUs) popFront();
}

void RtpPacketHistory::insert(uint32_t ssrc, uint16_t sequenceNumber, const uint8_t* data,
                              size_t size, int64_t nowUs) {
  if (data == nullptr || size == 0) return;
  expire(nowUs);
  while (order_.size() >= config_.maxPackets) {
    popFront();
    ++evicted_;
  }
  const uint64_t key = keyOf(ssrc, sequenceNumber);
  Entry entry;
  entry.key = key;
  entry.insertedUs = nowUs;
  entry.bytes.assign(data, data + size);
  order_.push_back(std::move(entry));
  index_[key] = &order_.back();
}

bool RtpPacketHistory::get(uint32_t ssrc, uint16_t sequenceNumber, int64_t nowUs,
                           std::vector<uint8_t>* out) {
  expire(nowUs);
  auto it = index_.find(keyOf(ssrc, sequenceNumber));
  if (it == index_.end()) return false;
  *out = it->second->bytes;
  return true;
}

void RtpPacketHistory::markSent(uint32_t ssrc, uint16_t sequenceNumber, int64_t nowUs) {
  (void)nowUs;
  auto it = index_.find(keyOf(ssrc, sequenceNumber));
  if (it != index_.end()) it->second->sent = true;
}

RtpPacketHistory::Resend RtpPacketHistory::getForResend(uint32_t ssrc, uint16_t sequenceNumber,
                                                        int64_t nowUs, int64_t minResendIntervalUs,
                                                        std::vector<uint8_t>* out) {
  expire(nowUs);
  auto it = index_.find(keyOf(ssrc, sequenceNumber));
  if (it == index_.end()) return Resend::kMissing;
  Entry& entry = *it->second;
  if (!entry.sent) return Resend::kTooSoon;
  if (entry.resent && nowUs - entry.lastResentUs < minResendIntervalUs) return Resend::kTooSoon;
  entry.resent = true;
  entry.lastResentUs = nowUs;
  *out = entry.bytes;
  return Resend::kFound;
}

}  // namespace parley::transport
