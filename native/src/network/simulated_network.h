// A seeded, clock-free model of one direction of a network path: loss
// (random and bursty), delay, jitter, reordering, duplication and a
// bandwidth cap with a bounded queue. Two instances make a two-way link.
#ifndef PARLEY_NETWORK_SIMULATED_NETWORK_H
#define PARLEY_NETWORK_SIMULATED_NETWORK_H

#include <cstddef>
#include <cstdint>
#include <queue>
#include <vector>

namespace parley::network {

// Packets go in with send(data, size, nowUs) and come out through the
// listener during deliverDue(nowUs), in arrival order (ties in send order).
// Time is whatever the caller passes in (microseconds, never decreasing);
// the same seed and the same calls give the same output, on any platform
// (its random numbers do not depend on the standard library).
//
// What happens to each packet, in order:
//  1. bandwidth cap: it waits behind the queued bytes and is serialized at
//     bandwidthBps; when the queue would exceed queueLimitBytes it is dropped
//     (drop-tail, stats.queueDrops);
//  2. loss: random (lossRate) and/or Gilbert-Elliott bursts (stats.lost);
//  3. delay + jitter: arrival = departure + delayUs + uniform[0, jitterUs];
//     with jitterKeepsOrder no packet overtakes an earlier one (the
//     arrival is pushed back instead, as on a single path);
//  4. reordering: with reorderRate it is held reorderDelayUs longer, so
//     packets sent after it overtake it;
//  5. duplication: with duplicateRate a copy arrives with it.
// stats.reordered counts deliveries of a packet after one sent later.
//
// Bounded: at most maxPacketsInFlight packets (copies included) wait for
// delivery; beyond that new ones are dropped (stats.inFlightDrops).
// Not thread-safe: SimulatedTransport adds the locking for real-time use.
class SimulatedNetwork {
 public:
  // Gilbert-Elliott two-state loss (Gilbert 1960, Elliott 1963). Before each
  // packet the state moves good->bad with pGoodToBad, bad->good with
  // pBadToGood; then the packet is lost with the state's loss probability.
  // Mean burst (bad-state) length 1/pBadToGood packets; stationary loss
  //   pi_bad = pGoodToBad / (pGoodToBad + pBadToGood),
  //   loss = (1 - pi_bad) * lossInGood + pi_bad * lossInBad.
  struct GilbertElliott {
    bool enabled = false;
    double pGoodToBad = 0.0;
    double pBadToGood = 1.0;
    double lossInGood = 0.0;
    double lossInBad = 1.0;
    // Stationary loss rate of this model (see above).
    double stationaryLoss() const;
    // The model with a mean loss rate and a mean burst length in packets:
    // loss only in the bad state (lossInBad 1, lossInGood 0), so bursts are
    // the bad-state runs, geometric with mean meanBurst = 1/pBadToGood, and
    // pGoodToBad = loss * pBadToGood / (1 - loss) gives pi_bad = loss.
    // Throws std::invalid_argument unless 0 <= loss < 1 and meanBurst >= 1.
    // (meanBurst 1 still alternates: a lost packet is always followed by a
    // delivered one; use Config::lossRate for independent loss.)
    static GilbertElliott fromLossAndBurst(double loss, double meanBurst);
  };

  struct Config {
    uint64_t seed = 1;
    double lossRate = 0.0;  // independent of the Gilbert-Elliott model; both apply
    GilbertElliott burstLoss;
    int64_t delayUs = 0;
    int64_t jitterUs = 0;
    bool jitterKeepsOrder = true;
    double reorderRate = 0.0;
    int64_t reorderDelayUs = 10'000;
    double duplicateRate = 0.0;
    int64_t bandwidthBps = 0;           // 0: no cap (and no queue)
    size_t queueLimitBytes = 64'000;    // the bottleneck's buffer, with the cap only
    size_t perPacketOverheadBytes = 0;  // e.g. 28 to count IPv4+UDP headers at the cap
    size_t maxPacketsInFlight = 10'000;
  };

  struct Stats {
    uint64_t sent = 0;  // send() calls
    uint64_t bytesSent = 0;
    uint64_t delivered = 0;  // copies included
    uint64_t bytesDelivered = 0;
    uint64_t lost = 0;
    uint64_t duplicated = 0;
    uint64_t reordered = 0;
    uint64_t queueDrops = 0;
    uint64_t inFlightDrops = 0;
    // Time from send() to leaving the bottleneck (waiting + serialization),
    // over packets that entered the queue; 0 without a cap.
    int64_t totalQueueDelayUs = 0;
    int64_t maxQueueDelayUs = 0;
    uint64_t queuedPackets = 0;
    int64_t averageQueueDelayUs() const;
  };

  struct Packet {
    std::vector<uint8_t> data;
    uint64_t index = 0;  // send() order, from 0; a copy shares its original's
    int64_t sentUs = 0;
    int64_t arrivalUs = 0;
    bool duplicate = false;
  };

  class Listener {
   public:
    virtual ~Listener() = default;
    // Called from deliverDue(); packet is valid only during the call.
    virtual void onSimulatedNetworkPacket(const Packet& packet) = 0;
  };

  static constexpr int64_t kNoDelivery = INT64_MAX;

  // Throws std::invalid_argument for probabilities outside [0, 1] or
  // negative times.
  SimulatedNetwork(const Config& config, Listener& listener);

  // Returns false when the packet was dropped at the queue or for lack of
  // room in flight (random loss is silent: the sender cannot know).
  bool send(const uint8_t* data, size_t size, int64_t nowUs);
  // Delivers every packet due at or before nowUs; returns how many.
  size_t deliverDue(int64_t nowUs);
  // When the next packet is due; kNoDelivery when none is in flight.
  int64_t nextDeliveryUs() const;
  size_t packetsInFlight() const { return inFlight_.size(); }
  // Bytes waiting at the bottleneck at nowUs (0 without a cap).
  size_t queuedBytes(int64_t nowUs) const;

  const Config& config() const { return config_; }
  const Stats& stats() const { return stats_; }

 private:
  struct Entry {
    Packet packet;
    uint64_t order = 0;  // insertion order: ties in arrival keep it
  };
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const;
  };

  uint64_t nextRandom();
  double uniform();  // [0, 1)
  bool chance(double probability) { return probability > 0 && uniform() < probability; }
  bool lose();
  void enqueue(const Packet& packet);

  Config config_;
  Listener& listener_;
  uint64_t rngState_;
  bool badState_ = false;
  uint64_t nextIndex_ = 0;
  uint64_t insertOrder_ = 0;
  double linkFreeUs_ = 0;  // when the bottleneck finishes what is queued
  int64_t lastInOrderArrivalUs_ = 0;
  bool anyDelivered_ = false;
  uint64_t highestDeliveredIndex_ = 0;
  std::priority_queue<Entry, std::vector<Entry>, Later> inFlight_;  // earliest on top
  Stats stats_;
};

}  // namespace parley::network

#endif  // PARLEY_NETWORK_SIMULATED_NETWORK_H
