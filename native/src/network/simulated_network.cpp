#include "network/simulated_network.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace parley::network {
namespace {

void checkProbability(double p, const char* name) {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument(std::string("SimulatedNetwork: ") + name + " must be in [0, 1]");
  }
}

// SplitMix64 (Steele, Lea, Flood 2014): seeds the state so that nearby seeds
// give unrelated streams.
uint64_t splitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

double SimulatedNetwork::GilbertElliott::stationaryLoss() const {
  double sum = pGoodToBad + pBadToGood;
  double piBad = sum > 0 ? pGoodToBad / sum : 0.0;
  return (1.0 - piBad) * lossInGood + piBad * lossInBad;
}

SimulatedNetwork::GilbertElliott SimulatedNetwork::GilbertElliott::fromLossAndBurst(
    double loss, double meanBurst) {
  if (!(loss >= 0.0 && loss < 1.0)) {
    throw std::invalid_argument("SimulatedNetwork: burst loss rate must be in [0, 1)");
  }
  if (!(meanBurst >= 1.0)) {
    throw std::invalid_argument("SimulatedNetwork: mean loss burst must be at least 1 packet");
  }
  GilbertElliott model;
  model.enabled = loss > 0.0;
  model.pBadToGood = 1.0 / meanBurst;
  model.pGoodToBad = std::min(1.0, loss * model.pBadToGood / (1.0 - loss));
  model.lossInGood = 0.0;
  model.lossInBad = 1.0;
  return model;
}

int64_t SimulatedNetwork::Stats::averageQueueDelayUs() const {
  return queuedPackets == 0 ? 0 : totalQueueDelayUs / static_cast<int64_t>(queuedPackets);
}

bool SimulatedNetwork::Later::operator()(const Entry& a, const Entry& b) const {
  if (a.packet.arrivalUs != b.packet.arrivalUs) return a.packet.arrivalUs > b.packet.arrivalUs;
  return a.order > b.order;
}

SimulatedNetwork::SimulatedNetwork(const Config& config, Listener& listener)
    : config_(config), listener_(listener), rngState_(config.seed) {
  checkProbability(config.lossRate, "lossRate");
  checkProbability(config.reorderRate, "reorderRate");
  checkProbability(config.duplicateRate, "duplicateRate");
  checkProbability(config.burstLoss.pGoodToBad, "burstLoss.pGoodToBad");
  checkProbability(config.burstLoss.pBadToGood, "burstLoss.pBadToGood");
  checkProbability(config.burstLoss.lossInGood, "burstLoss.lossInGood");
  checkProbability(config.burstLoss.lossInBad, "burstLoss.lossInBad");
  if (config.delayUs < 0 || config.jitterUs < 0 || config.reorderDelayUs < 0 ||
      config.bandwidthBps < 0) {
    throw std::invalid_argument("SimulatedNetwork: times and bandwidth must not be negative");
  }
}

uint64_t SimulatedNetwork::nextRandom() { return splitMix64(rngState_); }

double SimulatedNetwork::uniform() {
  return static_cast<double>(nextRandom() >> 11) * (1.0 / 9007199254740992.0);  // 2^53
}

bool SimulatedNetwork::lose() {
  // Draw every random number the model uses whether or not an earlier one
  // already decided, so one setting does not shift another's sequence.
  bool lost = chance(config_.lossRate);
  const GilbertElliott& ge = config_.burstLoss;
  if (ge.enabled) {
    badState_ = badState_ ? !chance(ge.pBadToGood) : chance(ge.pGoodToBad);
    if (chance(badState_ ? ge.lossInBad : ge.lossInGood)) lost = true;
  }
  return lost;
}

size_t SimulatedNetwork::queuedBytes(int64_t nowUs) const {
  if (config_.bandwidthBps <= 0 || linkFreeUs_ <= static_cast<double>(nowUs)) return 0;
  double bytes =
      (linkFreeUs_ - static_cast<double>(nowUs)) * static_cast<double>(config_.bandwidthBps) / 8e6;
  return static_cast<size_t>(std::ceil(bytes - 1e-6));
}

bool SimulatedNetwork::send(const uint8_t* data, size_t size, int64_t nowUs) {
  ++stats_.sent;
  stats_.bytesSent += size;
  uint64_t index = nextIndex_++;
  if (inFlight_.size() >= config_.maxPacketsInFlight) {
    ++stats_.inFlightDrops;
    return false;
  }

  // 1. The bottleneck: a FIFO drained at bandwidthBps.
  double departUs = static_cast<double>(nowUs);
  if (config_.bandwidthBps > 0) {
    size_t wireBytes = size + config_.perPacketOverheadBytes;
    if (queuedBytes(nowUs) + wireBytes > config_.queueLimitBytes) {
      ++stats_.queueDrops;
      return false;
    }
    double startUs = std::max(linkFreeUs_, static_cast<double>(nowUs));
    linkFreeUs_ =
        startUs + static_cast<double>(wireBytes) * 8e6 / static_cast<double>(config_.bandwidthBps);
    departUs = linkFreeUs_;
    int64_t queueDelayUs = static_cast<int64_t>(std::llround(departUs)) - nowUs;
    ++stats_.queuedPackets;
    stats_.totalQueueDelayUs += queueDelayUs;
    stats_.maxQueueDelayUs = std::max(stats_.maxQueueDelayUs, queueDelayUs);
  }

  // 2. Loss. Random numbers for the later steps are drawn anyway, so a
  // change of loss settings does not reshuffle the delays of survivors.
  bool lost = lose();
  // 3. Delay and jitter.
  int64_t jitterUs =
      config_.jitterUs > 0
          ? static_cast<int64_t>(nextRandom() % static_cast<uint64_t>(config_.jitterUs + 1))
          : 0;
  // 4, 5. Reordering and duplication.
  bool reorder = chance(config_.reorderRate);
  bool duplicate = chance(config_.duplicateRate);
  if (lost) {
    ++stats_.lost;
    return true;
  }

  int64_t arrivalUs = static_cast<int64_t>(std::llround(departUs)) + config_.delayUs + jitterUs;
  if (reorder) {
    arrivalUs += config_.reorderDelayUs;
  } else {
    if (config_.jitterKeepsOrder) arrivalUs = std::max(arrivalUs, lastInOrderArrivalUs_);
    lastInOrderArrivalUs_ = arrivalUs;
  }

  Packet packet;
  packet.data.assign(data, data + size);
  packet.index = index;
  packet.sentUs = nowUs;
  packet.arrivalUs = arrivalUs;
  if (duplicate && inFlight_.size() + 1 < config_.maxPacketsInFlight) {
    ++stats_.duplicated;
    enqueue(packet);
    packet.duplicate = true;
  }
  enqueue(packet);
  return true;
}

void SimulatedNetwork::enqueue(const Packet& packet) {
  inFlight_.push(Entry{packet, insertOrder_++});
}

int64_t SimulatedNetwork::nextDeliveryUs() const {
  return inFlight_.empty() ? kNoDelivery : inFlight_.top().packet.arrivalUs;
}

size_t SimulatedNetwork::deliverDue(int64_t nowUs) {
  size_t delivered = 0;
  while (!inFlight_.empty() && inFlight_.top().packet.arrivalUs <= nowUs) {
    // Moved out before pop(): the listener may call send() on this object.
    Entry entry = std::move(const_cast<Entry&>(inFlight_.top()));
    inFlight_.pop();
    const Packet& packet = entry.packet;
    if (anyDelivered_ && packet.index < highestDeliveredIndex_) ++stats_.reordered;
    if (!anyDelivered_ || packet.index > highestDeliveredIndex_) {
      highestDeliveredIndex_ = packet.index;
    }
    anyDelivered_ = true;
    ++stats_.delivered;
    stats_.bytesDelivered += packet.data.size();
    ++delivered;
    listener_.onSimulatedNetworkPacket(packet);
  }
  return delivered;
}

}  // namespace parley::network
