#include "jitter/nack_generator.h"

#include <algorithm>

namespace parley::jitter {
namespace {

constexpr int kMaxRttMs = 10'000;

}  // namespace

NackGenerator::NackGenerator(const Config& config, Listener& listener)
    : config_(config), listener_(listener), rttUs_(int64_t{config.defaultRttMs} * 1000) {
  config_.maxRetries = std::max(config_.maxRetries, 1);
  config_.maxListSize = std::max<size_t>(config_.maxListSize, 1);
  config_.reorderPackets = std::max(config_.reorderPackets, 1);
  config_.reorderMs = std::max(config_.reorderMs, 0);
  config_.maxPacketAge = std::max<int64_t>(config_.maxPacketAge, 1);
  setRttMs(0);
}

bool NackGenerator::onPacket(int64_t seq, int64_t nowUs) {
  if (!started_) {
    started_ = true;
    newest_ = seq;
    return false;
  }
  if (seq == newest_) return false;
  if (seq < newest_) {
    if (newest_ - seq > config_.maxPacketAge) {
      // The stream restarted (or newest_ was junk): start tracking again.
      stats_.packetsAbandoned += missing_.size();
      missing_.clear();
      newest_ = seq;
      return false;
    }
    auto it = missing_.find(seq);
    if (it == missing_.end()) return false;
    const bool nacked = it->second.retries > 0;
    if (nacked) ++stats_.packetsRecovered;
    missing_.erase(it);
    return nacked;
  }
  const int64_t gap = seq - newest_ - 1;
  if (gap > 0) {
    if (static_cast<uint64_t>(gap) > config_.maxListSize - missing_.size()) {
      newest_ = seq;
      overflow(seq);
      return false;
    }
    for (int64_t missing = newest_ + 1; missing < seq; ++missing) {
      missing_.emplace_hint(missing_.end(), missing, Missing{nowUs, 0, 0});
    }
  }
  newest_ = seq;
  return false;
}

bool NackGenerator::outOfReorderWindow(int64_t seq, const Missing& missing, int64_t nowUs) const {
  return newest_ - seq >= config_.reorderPackets &&
         nowUs - missing.seenUs >= int64_t{config_.reorderMs} * 1000;
}

std::vector<int64_t> NackGenerator::getNackList(int64_t nowUs) {
  std::vector<int64_t> due;
  std::vector<int64_t> lost;
  for (auto it = missing_.begin(); it != missing_.end();) {
    Missing& missing = it->second;
    bool send = false;
    if (missing.retries == 0) {
      send = outOfReorderWindow(it->first, missing, nowUs);
    } else if (nowUs - missing.sentUs >= retryIntervalUs(missing)) {
      if (missing.retries >= config_.maxRetries) {
        lost.push_back(it->first);
        it = missing_.erase(it);
        continue;
      }
      send = true;
    }
    if (send) {
      ++missing.retries;
      missing.sentUs = nowUs;
      due.push_back(it->first);
    }
    ++it;
  }
  stats_.nacksSent += due.size();
  stats_.packetsGivenUp += lost.size();
  // After the loop, so the listener sees a consistent generator.
  for (int64_t seq : lost) listener_.onNackGeneratorPacketLost(seq);
  return due;
}

int64_t NackGenerator::nextDueUs() const {
  int64_t next = kNoDeadline;
  for (const auto& [seq, missing] : missing_) {
    if (missing.retries == 0) {
      // Until enough newer packets arrive only onPacket() can make it due.
      if (newest_ - seq >= config_.reorderPackets) {
        next = std::min(next, missing.seenUs + int64_t{config_.reorderMs} * 1000);
      }
    } else {
      next = std::min(next, missing.sentUs + retryIntervalUs(missing));
    }
  }
  return next;
}

int64_t NackGenerator::retryIntervalUs(const Missing& missing) const {
  if (missing.retries == 1 && config_.firstRepeatMs > 0) {
    return std::min(retryIntervalUs(), int64_t{config_.firstRepeatMs} * 1000);
  }
  return retryIntervalUs();
}

void NackGenerator::forgetUpTo(int64_t seq) {
  while (!missing_.empty() && missing_.begin()->first <= seq) {
    missing_.erase(missing_.begin());
    ++stats_.packetsAbandoned;
  }
}

void NackGenerator::setRttMs(int rttMs) {
  if (rttMs <= 0) rttMs = config_.defaultRttMs > 0 ? config_.defaultRttMs : 100;
  rttUs_ = int64_t{std::min(rttMs, kMaxRttMs)} * 1000;
}

void NackGenerator::reset() {
  stats_.packetsAbandoned += missing_.size();
  missing_.clear();
  started_ = false;
  newest_ = 0;
}

void NackGenerator::overflow(int64_t beforeSeq) {
  stats_.packetsAbandoned += missing_.size();
  missing_.clear();
  ++stats_.overflows;
  listener_.onNackGeneratorKeyframeRequired(beforeSeq);
}

}  // namespace parley::jitter
