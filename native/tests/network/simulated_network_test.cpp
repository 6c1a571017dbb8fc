#include "network/simulated_network.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/fake_clock.h"

namespace parley::network {
namespace {

constexpr int64_t kMs = 1000;

struct Arrival {
  uint64_t index;
  int64_t sentUs;
  int64_t arrivalUs;
  int64_t deliveredAtUs;
  size_t size;
  bool duplicate;
  bool operator==(const Arrival& o) const {
    return index == o.index && sentUs == o.sentUs && arrivalUs == o.arrivalUs && size == o.size &&
           duplicate == o.duplicate;
  }
};

class RecordingListener : public SimulatedNetwork::Listener {
 public:
  explicit RecordingListener(const test::FakeClock& clock) : clock_(clock) {}
  void onSimulatedNetworkPacket(const SimulatedNetwork::Packet& p) override {
    arrivals.push_back(
        {p.index, p.sentUs, p.arrivalUs, clock_.nowUs(), p.data.size(), p.duplicate});
  }
  std::vector<Arrival> arrivals;

 private:
  const test::FakeClock& clock_;
};

struct LinkRun {
  std::vector<Arrival> arrivals;
  SimulatedNetwork::Stats stats;
  size_t maxQueuedBytes = 0;
};

// Sends `count` packets of `size` bytes every `intervalUs` on a fake clock,
// delivering whatever is due at each step (1 ms polls in between), then drains.
LinkRun runLink(const SimulatedNetwork::Config& config, int count, int64_t intervalUs,
                size_t size = 100) {
  test::FakeClock clock(0);
  RecordingListener listener(clock);
  SimulatedNetwork network(config, listener);
  std::vector<uint8_t> payload(size, 0xab);
  LinkRun run;
  for (int i = 0; i < count; ++i) {
    network.send(payload.data(), payload.size(), clock.nowUs());
    run.maxQueuedBytes = std::max(run.maxQueuedBytes, network.queuedBytes(clock.nowUs()));
    int64_t nextSendUs = clock.nowUs() + intervalUs;
    while (network.nextDeliveryUs() < nextSendUs) {
      clock.setUs(std::max(clock.nowUs(), network.nextDeliveryUs()));
      network.deliverDue(clock.nowUs());
    }
    clock.setUs(nextSendUs);
  }
  while (network.nextDeliveryUs() != SimulatedNetwork::kNoDelivery) {
    clock.setUs(std::max(clock.nowUs(), network.nextDeliveryUs()));
    network.deliverDue(clock.nowUs());
  }
  run.arrivals = listener.arrivals;
  run.stats = network.stats();
  return run;
}

// Lengths of the runs of consecutive lost originals.
std::vector<int> lossBursts(const LinkRun& run, int count) {
  std::vector<bool> arrived(count, false);
  for (const Arrival& a : run.arrivals) arrived[a.index] = true;
  std::vector<int> bursts;
  int length = 0;
  for (int i = 0; i < count; ++i) {
    if (!arrived[i]) {
      ++length;
    } else if (length > 0) {
      bursts.push_back(length);
      length = 0;
    }
  }
  if (length > 0) bursts.push_back(length);
  return bursts;
}

double mean(const std::vector<int>& values) {
  double sum = 0;
  for (int v : values) sum += v;
  return values.empty() ? 0 : sum / values.size();
}

// --- Random loss -----------------------------------------------------------

struct LossCase {
  std::string name;
  double lossRate;
};
void PrintTo(const LossCase& c, std::ostream* os) { *os << c.name; }

class SimulatedNetworkLossTest : public ::testing::TestWithParam<LossCase> {};

TEST_P(SimulatedNetworkLossTest, LossRateConvergesToTheConfiguredValue) {
  SimulatedNetwork::Config config;
  config.seed = 42;
  config.lossRate = GetParam().lossRate;
  constexpr int kPackets = 10000;
  LinkRun run = runLink(config, kPackets, kMs);
  double measured = static_cast<double>(run.stats.lost) / kPackets;
  EXPECT_NEAR(measured, GetParam().lossRate, 0.01);
  EXPECT_EQ(run.stats.sent, static_cast<uint64_t>(kPackets));
  EXPECT_EQ(run.arrivals.size() + run.stats.lost, static_cast<size_t>(kPackets));
  EXPECT_EQ(run.stats.delivered, run.arrivals.size());
}

INSTANTIATE_TEST_SUITE_P(Cases, SimulatedNetworkLossTest,
                         ::testing::Values(LossCase{"None", 0.0}, LossCase{"OnePercent", 0.01},
                                           LossCase{"FivePercent", 0.05},
                                           LossCase{"TenPercent", 0.10},
                                           LossCase{"ThirtyPercent", 0.30}, LossCase{"All", 1.0}),
                         [](const auto& info) { return info.param.name; });

// --- Gilbert-Elliott ---------------------------------------------------------

struct GilbertCase {
  std::string name;
  double pGoodToBad;
  double pBadToGood;
  double lossInGood;
  double lossInBad;
  bool checkBurstLength;  // bursts equal bad-state runs only when good loses nothing and bad all
};
void PrintTo(const GilbertCase& c, std::ostream* os) { *os << c.name; }

class GilbertElliottLossTest : public ::testing::TestWithParam<GilbertCase> {};

TEST_P(GilbertElliottLossTest, MatchesStationaryLossAndBurstLength) {
  const GilbertCase& c = GetParam();
  SimulatedNetwork::Config config;
  config.seed = 7;
  config.burstLoss.enabled = true;
  config.burstLoss.pGoodToBad = c.pGoodToBad;
  config.burstLoss.pBadToGood = c.pBadToGood;
  config.burstLoss.lossInGood = c.lossInGood;
  config.burstLoss.lossInBad = c.lossInBad;
  constexpr int kPackets = 100000;
  LinkRun run = runLink(config, kPackets, 100);
  double expected = config.burstLoss.stationaryLoss();
  double measured = static_cast<double>(run.stats.lost) / kPackets;
  EXPECT_NEAR(measured, expected, std::max(0.01, expected * 0.1)) << "stationary " << expected;
  if (c.checkBurstLength) {
    double meanBurst = mean(lossBursts(run, kPackets));
    EXPECT_NEAR(meanBurst, 1.0 / c.pBadToGood, 0.1 / c.pBadToGood);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GilbertElliottLossTest,
                         ::testing::Values(
                             // pi_bad = 0.02 / 0.27 = 7.4 % loss in bursts of 4.
                             GilbertCase{"ShortBursts", 0.02, 0.25, 0.0, 1.0, true},
                             // pi_bad = 0.01 / 0.11 = 9.1 % loss in bursts of 10.
                             GilbertCase{"LongBursts", 0.01, 0.10, 0.0, 1.0, true},
                             // pi_bad = 0.05 / 0.55 = 9.1 % loss in bursts of 2.
                             GilbertCase{"FrequentPairs", 0.05, 0.50, 0.0, 1.0, true},
                             // (1 - 0.2) * 0.01 + 0.2 * 0.5 = 10.8 %.
                             GilbertCase{"LossyStates", 0.05, 0.20, 0.01, 0.5, false}),
                         [](const auto& info) { return info.param.name; });

TEST(GilbertElliottTest, StationaryLossFormula) {
  SimulatedNetwork::GilbertElliott ge;
  ge.pGoodToBad = 0.02;
  ge.pBadToGood = 0.25;
  EXPECT_NEAR(ge.stationaryLoss(), 0.02 / 0.27, 1e-12);
  ge.lossInGood = 0.01;
  ge.lossInBad = 0.5;
  EXPECT_NEAR(ge.stationaryLoss(), (0.25 / 0.27) * 0.01 + (0.02 / 0.27) * 0.5, 1e-12);
}

// The bench's form: a mean loss and a mean burst length (BenchSettings
// lossPercent and burstLength), measured over 100k packets, seeded.
struct BurstCase {
  std::string name;
  double loss;
  double meanBurst;
};
void PrintTo(const BurstCase& c, std::ostream* os) { *os << c.name; }

class GilbertElliottFromLossTest : public ::testing::TestWithParam<BurstCase> {};

TEST_P(GilbertElliottFromLossTest, MeanLossAndMeanBurstLengthAreAsAsked) {
  const BurstCase& c = GetParam();
  SimulatedNetwork::Config config;
  config.seed = 11;
  config.burstLoss = SimulatedNetwork::GilbertElliott::fromLossAndBurst(c.loss, c.meanBurst);
  EXPECT_NEAR(config.burstLoss.stationaryLoss(), c.loss, 1e-12);
  constexpr int kPackets = 100000;
  LinkRun run = runLink(config, kPackets, 100);
  const double measured = static_cast<double>(run.stats.lost) / kPackets;
  EXPECT_NEAR(measured, c.loss, c.loss * 0.15);
  EXPECT_NEAR(mean(lossBursts(run, kPackets)), c.meanBurst, c.meanBurst * 0.15);
}

INSTANTIATE_TEST_SUITE_P(Cases, GilbertElliottFromLossTest,
                         ::testing::Values(BurstCase{"ThreePercentInThrees", 0.03, 3.0},
                                           BurstCase{"FivePercentInPairs", 0.05, 2.0},
                                           BurstCase{"TenPercentInEights", 0.10, 8.0},
                                           BurstCase{"OnePercentSingles", 0.01, 1.0}),
                         [](const auto& info) { return info.param.name; });

TEST(GilbertElliottTest, FromLossAndBurstRejectsBadValuesAndTurnsOffWithoutLoss) {
  using GE = SimulatedNetwork::GilbertElliott;
  EXPECT_THROW(GE::fromLossAndBurst(-0.1, 2), std::invalid_argument);
  EXPECT_THROW(GE::fromLossAndBurst(1.0, 2), std::invalid_argument);
  EXPECT_THROW(GE::fromLossAndBurst(0.05, 0.5), std::invalid_argument);
  EXPECT_FALSE(GE::fromLossAndBurst(0.0, 4).enabled);
  EXPECT_TRUE(GE::fromLossAndBurst(0.02, 4).enabled);
}

TEST(GilbertElliottTest, BurstsAreLongerThanRandomLossOfTheSameRate) {
  constexpr int kPackets = 50000;
  SimulatedNetwork::Config bursty;
  bursty.burstLoss = {true, 0.02, 0.25, 0.0, 1.0};
  SimulatedNetwork::Config random;
  random.lossRate = bursty.burstLoss.stationaryLoss();
  double burstyMean = mean(lossBursts(runLink(bursty, kPackets, 100), kPackets));
  double randomMean = mean(lossBursts(runLink(random, kPackets, 100), kPackets));
  EXPECT_GT(burstyMean, 3.0);
  EXPECT_LT(randomMean, 1.2);  // 1 / (1 - 0.074) for independent loss
}

// --- Delay, jitter, reordering, duplication ---------------------------------

TEST(SimulatedNetworkTest, FixedDelayIsExact) {
  test::FakeClock clock(0);
  RecordingListener listener(clock);
  SimulatedNetwork::Config config;
  config.delayUs = 40 * kMs;
  SimulatedNetwork network(config, listener);
  uint8_t byte = 1;
  network.send(&byte, 1, 5 * kMs);
  network.send(&byte, 1, 7 * kMs);
  EXPECT_EQ(network.nextDeliveryUs(), 45 * kMs);
  EXPECT_EQ(network.deliverDue(45 * kMs - 1), 0u);
  EXPECT_EQ(network.deliverDue(45 * kMs), 1u);
  EXPECT_EQ(network.nextDeliveryUs(), 47 * kMs);
  EXPECT_EQ(network.deliverDue(100 * kMs), 1u);
  EXPECT_EQ(network.nextDeliveryUs(), SimulatedNetwork::kNoDelivery);
  ASSERT_EQ(listener.arrivals.size(), 2u);
  EXPECT_EQ(listener.arrivals[0].arrivalUs, 45 * kMs);
  EXPECT_EQ(listener.arrivals[1].arrivalUs, 47 * kMs);

  LinkRun run = runLink(config, 1000, 3 * kMs);
  for (const Arrival& a : run.arrivals) ASSERT_EQ(a.arrivalUs - a.sentUs, 40 * kMs);
  EXPECT_EQ(run.stats.reordered, 0u);
}

struct JitterCase {
  std::string name;
  bool keepOrder;
};
void PrintTo(const JitterCase& c, std::ostream* os) { *os << c.name; }

class SimulatedNetworkJitterTest : public ::testing::TestWithParam<JitterCase> {};

TEST_P(SimulatedNetworkJitterTest, DelayStaysWithinDelayPlusJitter) {
  SimulatedNetwork::Config config;
  config.seed = 3;
  config.delayUs = 20 * kMs;
  config.jitterUs = 30 * kMs;
  config.jitterKeepsOrder = GetParam().keepOrder;
  LinkRun run = runLink(config, 10000, 5 * kMs);
  ASSERT_EQ(run.arrivals.size(), 10000u);
  int64_t minUs = INT64_MAX;
  int64_t maxUs = 0;
  double sumUs = 0;
  uint64_t previous = 0;
  bool inOrder = true;
  for (size_t i = 0; i < run.arrivals.size(); ++i) {
    const Arrival& a = run.arrivals[i];
    int64_t delayUs = a.arrivalUs - a.sentUs;
    minUs = std::min(minUs, delayUs);
    maxUs = std::max(maxUs, delayUs);
    sumUs += delayUs;
    EXPECT_GE(a.deliveredAtUs, a.arrivalUs);
    if (i > 0 && a.index < previous) inOrder = false;
    previous = a.index;
  }
  EXPECT_GE(minUs, 20 * kMs);
  EXPECT_LE(maxUs, 50 * kMs);
  EXPECT_LT(minUs, 21 * kMs);
  EXPECT_GT(maxUs, 49 * kMs);
  if (GetParam().keepOrder) {
    EXPECT_TRUE(inOrder);
    EXPECT_EQ(run.stats.reordered, 0u);
    EXPECT_GT(sumUs / run.arrivals.size(), 35 * kMs);  // pushed back, never forward
  } else {
    EXPECT_NEAR(sumUs / run.arrivals.size(), 35 * kMs, 500);  // uniform: mean in the middle
    EXPECT_FALSE(inOrder);
    EXPECT_GT(run.stats.reordered, 100u);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, SimulatedNetworkJitterTest,
                         ::testing::Values(JitterCase{"KeepsOrder", true},
                                           JitterCase{"Reorders", false}),
                         [](const auto& info) { return info.param.name; });

struct RateCase {
  std::string name;
  double rate;
};
void PrintTo(const RateCase& c, std::ostream* os) { *os << c.name; }

class SimulatedNetworkReorderTest : public ::testing::TestWithParam<RateCase> {};

TEST_P(SimulatedNetworkReorderTest, ReordersAtTheConfiguredRate) {
  SimulatedNetwork::Config config;
  config.seed = 11;
  config.delayUs = 10 * kMs;
  config.reorderRate = GetParam().rate;
  config.reorderDelayUs = 10 * kMs;  // ten later packets overtake a held one
  constexpr int kPackets = 10000;
  LinkRun run = runLink(config, kPackets, kMs);
  ASSERT_EQ(run.arrivals.size(), static_cast<size_t>(kPackets));
  EXPECT_NEAR(static_cast<double>(run.stats.reordered) / kPackets, GetParam().rate, 0.01);
  if (GetParam().rate == 0) {
    for (size_t i = 0; i < run.arrivals.size(); ++i) ASSERT_EQ(run.arrivals[i].index, i);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, SimulatedNetworkReorderTest,
                         ::testing::Values(RateCase{"Off", 0.0}, RateCase{"OnePercent", 0.01},
                                           RateCase{"FivePercent", 0.05},
                                           RateCase{"TwentyPercent", 0.20}),
                         [](const auto& info) { return info.param.name; });

class SimulatedNetworkDuplicationTest : public ::testing::TestWithParam<RateCase> {};

TEST_P(SimulatedNetworkDuplicationTest, DuplicatesAtTheConfiguredRate) {
  SimulatedNetwork::Config config;
  config.seed = 5;
  config.delayUs = 10 * kMs;
  config.duplicateRate = GetParam().rate;
  constexpr int kPackets = 10000;
  LinkRun run = runLink(config, kPackets, kMs);
  EXPECT_NEAR(static_cast<double>(run.stats.duplicated) / kPackets, GetParam().rate, 0.01);
  EXPECT_EQ(run.arrivals.size(), kPackets + run.stats.duplicated);
  size_t copies = 0;
  for (size_t i = 0; i < run.arrivals.size(); ++i) {
    if (!run.arrivals[i].duplicate) continue;
    ++copies;
    // The copy comes right after its original, at the same time.
    ASSERT_GT(i, 0u);
    EXPECT_EQ(run.arrivals[i - 1].index, run.arrivals[i].index);
    EXPECT_EQ(run.arrivals[i - 1].arrivalUs, run.arrivals[i].arrivalUs);
  }
  EXPECT_EQ(copies, run.stats.duplicated);
  EXPECT_EQ(run.stats.reordered, 0u);  // a copy is not a reordering
}

INSTANTIATE_TEST_SUITE_P(Cases, SimulatedNetworkDuplicationTest,
                         ::testing::Values(RateCase{"Off", 0.0}, RateCase{"OnePercent", 0.01},
                                           RateCase{"TenPercent", 0.10}),
                         [](const auto& info) { return info.param.name; });

// --- Bandwidth cap -----------------------------------------------------------

TEST(SimulatedNetworkTest, BandwidthCapLimitsRateBoundsQueueAndCountsDrops) {
  SimulatedNetwork::Config config;
  config.bandwidthBps = 1'000'000;
  config.queueLimitBytes = 50'000;  // 400 ms at 1 Mbps
  // 1000-byte packets every 4 ms: 2 Mbps offered for 10 s.
  constexpr int kPackets = 2500;
  LinkRun run = runLink(config, kPackets, 4 * kMs, 1000);

  // Delivered rate over the steady part (after the queue filled).
  uint64_t bytes = 0;
  for (const Arrival& a : run.arrivals) {
    if (a.arrivalUs >= 2'000 * kMs && a.arrivalUs < 10'000 * kMs) bytes += a.size;
  }
  double deliveredBps = bytes * 8.0 / 8.0;  // over 8 s
  EXPECT_NEAR(deliveredBps, 1'000'000, 20'000);

  EXPECT_LE(run.maxQueuedBytes, config.queueLimitBytes);
  // Half the offered load cannot get through once the queue is full.
  EXPECT_GT(run.stats.queueDrops, 1100u);
  EXPECT_LT(run.stats.queueDrops, 1300u);
  EXPECT_EQ(run.stats.delivered + run.stats.queueDrops, static_cast<uint64_t>(kPackets));
  // Queueing delay of a full queue: 50 000 bytes at 1 Mbps = 400 ms.
  EXPECT_GE(run.stats.maxQueueDelayUs, 392 * kMs);
  EXPECT_LE(run.stats.maxQueueDelayUs, 400 * kMs);
  EXPECT_GT(run.stats.averageQueueDelayUs(), 300 * kMs);
  for (const Arrival& a : run.arrivals) ASSERT_LE(a.arrivalUs - a.sentUs, 400 * kMs);
}

TEST(SimulatedNetworkTest, BandwidthCapBelowCapacityOnlySerializes) {
  SimulatedNetwork::Config config;
  config.bandwidthBps = 1'000'000;
  config.delayUs = 10 * kMs;
  // 1000 bytes every 16 ms: 0.5 Mbps; each packet takes 8 ms on the wire.
  LinkRun run = runLink(config, 500, 16 * kMs, 1000);
  EXPECT_EQ(run.stats.queueDrops, 0u);
  EXPECT_EQ(run.arrivals.size(), 500u);
  for (const Arrival& a : run.arrivals) ASSERT_EQ(a.arrivalUs - a.sentUs, 18 * kMs);
  EXPECT_EQ(run.stats.maxQueueDelayUs, 8 * kMs);
  EXPECT_EQ(run.stats.averageQueueDelayUs(), 8 * kMs);
}

TEST(SimulatedNetworkTest, InFlightLimitDropsAndCounts) {
  test::FakeClock clock(0);
  RecordingListener listener(clock);
  SimulatedNetwork::Config config;
  config.delayUs = 1'000 * kMs;
  config.maxPacketsInFlight = 10;
  SimulatedNetwork network(config, listener);
  uint8_t byte = 0;
  for (int i = 0; i < 15; ++i) network.send(&byte, 1, i);
  EXPECT_EQ(network.packetsInFlight(), 10u);
  EXPECT_EQ(network.stats().inFlightDrops, 5u);
}

// Two instances make a two-way link: an echo over 10 ms out and 30 ms back
// takes exactly 40 ms.
class Echo : public SimulatedNetwork::Listener {
 public:
  SimulatedNetwork* back = nullptr;
  int64_t nowUs = 0;
  void onSimulatedNetworkPacket(const SimulatedNetwork::Packet& p) override {
    back->send(p.data.data(), p.data.size(), nowUs);
  }
};

TEST(SimulatedNetworkTest, TwoInstancesMakeATwoWayLink) {
  test::FakeClock clock(0);
  RecordingListener atCaller(clock);
  Echo echo;
  SimulatedNetwork::Config out;
  out.delayUs = 10 * kMs;
  SimulatedNetwork::Config back;
  back.delayUs = 30 * kMs;
  SimulatedNetwork forward(out, echo);
  SimulatedNetwork backward(back, atCaller);
  echo.back = &backward;
  uint8_t byte = 7;
  forward.send(&byte, 1, 0);
  while (true) {
    int64_t next = std::min(forward.nextDeliveryUs(), backward.nextDeliveryUs());
    if (next == SimulatedNetwork::kNoDelivery) break;
    clock.setUs(next);
    echo.nowUs = next;
    forward.deliverDue(next);
    backward.deliverDue(next);
  }
  ASSERT_EQ(atCaller.arrivals.size(), 1u);
  EXPECT_EQ(atCaller.arrivals[0].arrivalUs, 40 * kMs);
  EXPECT_EQ(forward.stats().delivered, 1u);
  EXPECT_EQ(backward.stats().delivered, 1u);
}

// --- Determinism -------------------------------------------------------------

SimulatedNetwork::Config everything(uint64_t seed) {
  SimulatedNetwork::Config config;
  config.seed = seed;
  config.lossRate = 0.05;
  config.burstLoss = {true, 0.01, 0.3, 0.0, 0.8};
  config.delayUs = 30 * kMs;
  config.jitterUs = 15 * kMs;
  config.jitterKeepsOrder = false;
  config.reorderRate = 0.02;
  config.duplicateRate = 0.02;
  config.bandwidthBps = 2'000'000;
  config.queueLimitBytes = 30'000;
  return config;
}

TEST(SimulatedNetworkTest, SameSeedGivesIdenticalOutput) {
  LinkRun a = runLink(everything(99), 3000, 2 * kMs, 600);
  LinkRun b = runLink(everything(99), 3000, 2 * kMs, 600);
  EXPECT_TRUE(a.arrivals == b.arrivals);
  EXPECT_EQ(a.stats.lost, b.stats.lost);
  EXPECT_EQ(a.stats.reordered, b.stats.reordered);
}

TEST(SimulatedNetworkTest, DifferentSeedGivesDifferentOutput) {
  LinkRun a = runLink(everything(99), 3000, 2 * kMs, 600);
  LinkRun b = runLink(everything(100), 3000, 2 * kMs, 600);
  EXPECT_FALSE(a.arrivals == b.arrivals);
}

TEST(SimulatedNetworkTest, RejectsInvalidConfig) {
  test::FakeClock clock;
  RecordingListener listener(clock);
  SimulatedNetwork::Config config;
  config.lossRate = 1.5;
  EXPECT_THROW(SimulatedNetwork(config, listener), std::invalid_argument);
  config.lossRate = 0;
  config.burstLoss.pBadToGood = -0.1;
  EXPECT_THROW(SimulatedNetwork(config, listener), std::invalid_argument);
  config.burstLoss.pBadToGood = 1;
  config.delayUs = -1;
  EXPECT_THROW(SimulatedNetwork(config, listener), std::invalid_argument);
}

}  // namespace
}  // namespace parley::network
