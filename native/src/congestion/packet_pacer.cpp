// PacketPacer: priority queues drained through a leaky-bucket media budget
// (draft-ietf-rmcat-gcc-02 section 4: the pacer sends at a multiple of the
// target so a frame spreads over a few milliseconds instead of one burst).
//
// The budget is kept as exact integers in bit-microseconds per second
// (bits * 1e6): time adds pacingRate * elapsedUs, a packet takes
// size * 8 * 1e6. A packet may leave while the budget is not negative, so
// the budget can run up to one packet into debt, which later time repays;
// credit saved while idle is capped at pacingRate * maxBurstUs.
#include "congestion/packet_pacer.h"

#include <algorithm>
#include <array>
#include <deque>
#include <utility>

namespace parley::congestion {

namespace {
constexpr uint64_t kMinPacingRateBps = 10'000;  // a zero target must not stall the queue
constexpr uint64_t kMaxPacingRateBps = 10'000'000'000;  // keeps the budget arithmetic in range
constexpr int64_t kMaxBurstUs = 1'000'000;
constexpr int64_t kMaxElapsedUs = 10'000'000;   // bounds the arithmetic after long idle
constexpr int64_t kMicro = 1'000'000;

struct Queued {
  std::vector<uint8_t> data;
  int64_t enqueuedUs;
};
}  // namespace

struct PacketPacer::State {
  Config config;
  uint64_t rateBps = 0;
  int64_t budget = 0;  // bits * 1e6
  int64_t lastUpdateUs = -1;
  std::array<std::deque<Queued>, 3> queues;  // indexed by Priority
  Stats stats;

  size_t total() const { return queues[0].size() + queues[1].size() + queues[2].size(); }
  int64_t burstBudget() const {
    return static_cast<int64_t>(rateBps) * std::clamp<int64_t>(config.maxBurstUs, 0, kMaxBurstUs);
  }
  int64_t budgetAt(int64_t nowUs) const {
    if (lastUpdateUs < 0) return budget;
    const int64_t elapsed = std::clamp<int64_t>(nowUs - lastUpdateUs, 0, kMaxElapsedUs);
    return std::min(burstBudget(), budget + static_cast<int64_t>(rateBps) * elapsed);
  }
  void advance(int64_t nowUs) {
    budget = budgetAt(nowUs);
    if (lastUpdateUs < 0 || nowUs > lastUpdateUs) lastUpdateUs = nowUs;
  }
  void dropFront(size_t priority) {
    queues[priority].pop_front();
    ++stats.packetsDropped;
  }
  // Bounds: too many packets drops the oldest of the lowest priority held;
  // video older than maxQueueDelayUs is stale (the receiver has given up on
  // that frame) and goes too.
  void enforceBounds(int64_t nowUs) {
    while (total() > config.maxQueuedPackets) {
      for (size_t p = queues.size(); p-- > 0;) {
        if (!queues[p].empty()) {
          dropFront(p);
          break;
        }
      }
    }
    auto& video = queues[static_cast<size_t>(Priority::kVideo)];
    while (!video.empty() && nowUs - video.front().enqueuedUs > config.maxQueueDelayUs) {
      dropFront(static_cast<size_t>(Priority::kVideo));
    }
  }
  void take(size_t priority, std::vector<uint8_t>* out) {
    Queued& q = queues[priority].front();
    const size_t size = q.data.size();
    *out = std::move(q.data);
    queues[priority].pop_front();
    budget -= static_cast<int64_t>(size) * 8 * kMicro;
    // Audio may push the budget far into debt; never more than a second.
    budget = std::max(budget, -static_cast<int64_t>(rateBps) * kMicro);
    ++stats.packetsSent;
    stats.bytesSent += size;
  }
};

PacketPacer::PacketPacer(const Config& config) : state_(new State) {
  state_->config = config;
  state_->rateBps = std::clamp(config.startPacingRateBps, kMinPacingRateBps, kMaxPacingRateBps);
}

PacketPacer::~PacketPacer() { delete state_; }

void PacketPacer::setTargetBitrate(uint64_t targetBps) {
  const double rate = std::clamp(state_->config.pacingFactor * static_cast<double>(targetBps),
                                 static_cast<double>(kMinPacingRateBps),
                                 static_cast<double>(kMaxPacingRateBps));
  state_->rateBps = static_cast<uint64_t>(rate);
}

void PacketPacer::enqueue(std::vector<uint8_t> packet, Priority priority, int64_t nowUs) {
  State& s = *state_;
  const auto index = static_cast<size_t>(priority);
  if (index >= s.queues.size()) return;
  s.queues[index].push_back({std::move(packet), nowUs});
  ++s.stats.packetsQueued;
  s.enforceBounds(nowUs);
}

bool PacketPacer::popDue(int64_t nowUs, std::vector<uint8_t>* out) {
  State& s = *state_;
  s.advance(nowUs);
  s.enforceBounds(nowUs);
  // Audio is small and late audio is useless: it bypasses the budget (but
  // still pays into it, so the total rate stays paced).
  if (!s.queues[static_cast<size_t>(Priority::kAudio)].empty()) {
    s.take(static_cast<size_t>(Priority::kAudio), out);
    return true;
  }
  if (s.budget < 0) return false;
  for (size_t p = static_cast<size_t>(Priority::kRetransmission); p < s.queues.size(); ++p) {
    if (!s.queues[p].empty()) {
      s.take(p, out);
      return true;
    }
  }
  return false;
}

int64_t PacketPacer::nextSendTimeUs(int64_t nowUs) const {
  const State& s = *state_;
  if (s.total() == 0) return -1;
  if (!s.queues[static_cast<size_t>(Priority::kAudio)].empty()) return nowUs;
  const int64_t budget = s.budgetAt(nowUs);
  if (budget >= 0) return nowUs;
  const auto rate = static_cast<int64_t>(s.rateBps);
  return nowUs + (-budget + rate - 1) / rate;
}

PacketPacer::Stats PacketPacer::stats(int64_t nowUs) const {
  Stats stats = state_->stats;
  stats.packetsInQueue = state_->total();
  int64_t oldest = nowUs;
  for (const auto& q : state_->queues) {
    if (!q.empty()) oldest = std::min(oldest, q.front().enqueuedUs);
  }
  stats.queueDelayUs = nowUs - oldest;
  return stats;
}

}  // namespace parley::congestion
