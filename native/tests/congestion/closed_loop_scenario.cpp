#include "closed_loop_scenario.h"

#include <algorithm>
#include <deque>
#include <limits>

#include "congestion/abs_send_time.h"
#include "congestion/packet_pacer.h"
#include "congestion/receive_side_estimator.h"
#include "congestion/send_side_controller.h"
#include "network/simulated_network.h"

namespace parley::test {
namespace {

using congestion::PacketPacer;
using congestion::ReceiveSideEstimator;
using congestion::SendSideController;
using network::SimulatedNetwork;

constexpr size_t kMaxPacketBytes = 1200;
constexpr size_t kHeaderBytes = 7;  // 4-byte sequence number, 3-byte abs-send-time
constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

// What the receiver sends back: a REMB or a loss report (an RTCP report block).
struct Feedback {
  int64_t atUs = 0;
  bool remb = false;
  uint64_t rembBps = 0;
  uint8_t fractionLost = 0;
  int64_t packetsExpected = 0;
};

uint32_t readU32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

class Receiver final : public SimulatedNetwork::Listener {
 public:
  Receiver(const ClosedLoopConfig& config, std::deque<Feedback>& feedback)
      : config_(config), feedback_(feedback), estimator_(estimatorConfig(config)) {
    estimator_.setRttMs(2 * config.oneWayDelayUs / 1000);
  }

  void onSimulatedNetworkPacket(const SimulatedNetwork::Packet& packet) override {
    if (packet.data.size() < kHeaderBytes) return;
    const uint8_t* d = packet.data.data();
    const uint32_t seq = readU32(d);
    const uint32_t absSendTime = (uint32_t{d[4]} << 16) | (uint32_t{d[5]} << 8) | d[6];
    estimator_.onPacket(packet.arrivalUs, absSendTime, packet.data.size());
    ++received_;
    highestPlusOne_ = std::max<int64_t>(highestPlusOne_, int64_t{seq} + 1);
    if (packet.sentUs >= config_.settleDeadlineUs) {
      queueDelaysUs.push_back(packet.arrivalUs - packet.sentUs - config_.oneWayDelayUs);  // jitter included
      bytesAfterDeadline += packet.data.size();
    }
    uint64_t remb = 0;
    if (estimator_.rembDue(packet.arrivalUs, &remb)) {
      Feedback f;
      f.atUs = packet.arrivalUs + config_.oneWayDelayUs;
      f.remb = true;
      f.rembBps = remb;
      feedback_.push_back(f);
      ++rembsSent;
    }
  }

  // An RTCP receiver report block over the packets since the previous one.
  void report(int64_t nowUs) {
    const int64_t expected = highestPlusOne_ - lastHighestPlusOne_;
    const int64_t received = static_cast<int64_t>(received_ - lastReceived_);
    lastHighestPlusOne_ = highestPlusOne_;
    lastReceived_ = received_;
    Feedback f;
    f.atUs = nowUs + config_.oneWayDelayUs;
    f.packetsExpected = expected;
    if (expected > 0) {
      const int64_t lost = std::max<int64_t>(0, expected - received);
      f.fractionLost = static_cast<uint8_t>(std::min<int64_t>(255, lost * 256 / expected));
    }
    feedback_.push_back(f);
  }

  std::vector<int64_t> queueDelaysUs;
  uint64_t bytesAfterDeadline = 0;
  uint64_t rembsSent = 0;

 private:
  static ReceiveSideEstimator::Config estimatorConfig(const ClosedLoopConfig& config) {
    ReceiveSideEstimator::Config c;
    c.maxBitrateBps = config.maxBitrateBps;
    return c;
  }

  const ClosedLoopConfig& config_;
  std::deque<Feedback>& feedback_;
  ReceiveSideEstimator estimator_;
  uint64_t received_ = 0;
  uint64_t lastReceived_ = 0;
  int64_t highestPlusOne_ = 0;
  int64_t lastHighestPlusOne_ = 0;
};

struct TargetSample {
  int64_t timeUs;
  uint64_t bps;
};

void summarizeTargets(const std::vector<TargetSample>& samples, const ClosedLoopConfig& config,
                      ClosedLoopResult* result) {
  const auto cap = static_cast<uint64_t>(config.capBps);
  result->finalTargetBps = samples.back().bps;
  result->settleUs = 0;
  for (size_t i = 0; i < samples.size(); ++i) {
    if (samples[i].bps >= cap) {
      result->settleUs = i + 1 < samples.size() ? samples[i + 1].timeUs : -1;
    }
  }
  // Time-weighted over [deadline, duration]; the sample in force at the
  // deadline counts from there.
  uint64_t minBps = std::numeric_limits<uint64_t>::max();
  uint64_t maxBps = 0;
  double weighted = 0;
  for (size_t i = 0; i < samples.size(); ++i) {
    const int64_t end = i + 1 < samples.size() ? samples[i + 1].timeUs : config.durationUs;
    if (end <= config.settleDeadlineUs) continue;
    const int64_t begin = std::max(samples[i].timeUs, config.settleDeadlineUs);
    minBps = std::min(minBps, samples[i].bps);
    maxBps = std::max(maxBps, samples[i].bps);
    weighted += static_cast<double>(samples[i].bps) * static_cast<double>(end - begin);
  }
  result->minTargetAfterDeadlineBps = minBps;
  result->maxTargetAfterDeadlineBps = maxBps;
  result->meanTargetAfterDeadlineBps = static_cast<uint64_t>(
      weighted / static_cast<double>(std::max<int64_t>(1, config.durationUs - config.settleDeadlineUs)));
}

}  // namespace

ClosedLoopResult runClosedLoop(const ClosedLoopConfig& config) {
  std::deque<Feedback> feedback;
  Receiver receiver(config, feedback);

  SimulatedNetwork::Config link;
  link.seed = config.seed;
  link.delayUs = config.oneWayDelayUs;
  link.jitterUs = config.jitterUs;
  link.lossRate = config.randomLoss;
  link.bandwidthBps = config.capBps;
  link.queueLimitBytes = config.queueLimitBytes;
  link.perPacketOverheadBytes = config.perPacketOverheadBytes;
  SimulatedNetwork network(link, receiver);

  SendSideController::Config controllerConfig;
  controllerConfig.startBitrateBps = config.startBitrateBps;
  controllerConfig.maxBitrateBps = config.maxBitrateBps;
  SendSideController controller(controllerConfig);
  PacketPacer::Config pacerConfig;
  PacketPacer pacer(pacerConfig);
  pacer.setTargetBitrate(controller.targetBitrateBps());

  std::vector<TargetSample> targets{{0, controller.targetBitrateBps()}};
  ClosedLoopResult result;
  uint32_t nextSeq = 0;
  uint64_t sentAfterDeadline = 0;
  uint64_t droppedAfterDeadline = 0;
  int64_t frameIndex = 0;
  int64_t nextFrameUs = 0;
  int64_t nextReportUs = config.reportIntervalUs;
  int64_t now = 0;

  for (uint64_t guard = 0; guard < 50'000'000; ++guard) {
    const int64_t pacerNext = pacer.nextSendTimeUs(now);
    int64_t next = std::min({nextFrameUs, nextReportUs, network.nextDeliveryUs(),
                             pacerNext < 0 ? kNever : pacerNext,
                             feedback.empty() ? kNever : feedback.front().atUs});
    if (next > config.durationUs) break;
    now = std::max(now, next);

    network.deliverDue(now);
    while (!feedback.empty() && feedback.front().atUs <= now) {
      const Feedback f = feedback.front();
      feedback.pop_front();
      if (f.remb) {
        controller.onRemb(f.rembBps, now);
      } else {
        controller.onReportBlock(f.fractionLost, f.packetsExpected, 2 * config.oneWayDelayUs / 1000, now);
      }
    }
    const uint64_t target = controller.targetBitrateBps();
    if (target != targets.back().bps) {
      targets.push_back({now, target});
    }
    pacer.setTargetBitrate(target);

    if (now >= nextReportUs) {
      receiver.report(now);
      nextReportUs += config.reportIntervalUs;
    }
    if (now >= nextFrameUs) {
      const size_t frameBytes = std::max<size_t>(
          kHeaderBytes, static_cast<size_t>(static_cast<double>(target) / 8.0 / config.frameRate));
      const size_t packets = (frameBytes + kMaxPacketBytes - 1) / kMaxPacketBytes;
      for (size_t i = 0; i < packets; ++i) {
        std::vector<uint8_t> packet(std::max(kHeaderBytes, frameBytes / packets), 0);
        packet[0] = static_cast<uint8_t>(nextSeq >> 24);
        packet[1] = static_cast<uint8_t>(nextSeq >> 16);
        packet[2] = static_cast<uint8_t>(nextSeq >> 8);
        packet[3] = static_cast<uint8_t>(nextSeq);
        ++nextSeq;
        pacer.enqueue(std::move(packet), PacketPacer::Priority::kVideo, now);
      }
      ++frameIndex;
      nextFrameUs = static_cast<int64_t>(static_cast<double>(frameIndex) * 1e6 / config.frameRate);
    }
    std::vector<uint8_t> out;
    while (pacer.popDue(now, &out)) {
      const uint32_t abs = congestion::absSendTimeFromUs(now);
      out[4] = static_cast<uint8_t>(abs >> 16);
      out[5] = static_cast<uint8_t>(abs >> 8);
      out[6] = static_cast<uint8_t>(abs);
      const bool accepted = network.send(out.data(), out.size(), now);
      ++result.packetsSent;
      if (!accepted) ++result.packetsLost;
      if (now >= config.settleDeadlineUs) {
        ++sentAfterDeadline;
        if (!accepted) ++droppedAfterDeadline;
      }
    }
  }

  summarizeTargets(targets, config, &result);
  result.lossAfterDeadline = sentAfterDeadline == 0 ? 0.0
                                                    : static_cast<double>(droppedAfterDeadline) /
                                                          static_cast<double>(sentAfterDeadline);
  std::vector<int64_t>& delays = receiver.queueDelaysUs;
  if (!delays.empty()) {
    const size_t index = std::min(delays.size() - 1, delays.size() * 95 / 100);
    std::nth_element(delays.begin(), delays.begin() + static_cast<std::ptrdiff_t>(index), delays.end());
    result.p95QueueDelayUs = delays[index];
    result.maxQueueDelayUs = *std::max_element(delays.begin(), delays.end());
  }
  result.rembsSent = receiver.rembsSent;
  result.pacerDrops = pacer.stats(now).packetsDropped;
  result.goodputAfterDeadlineBps =
      static_cast<double>(receiver.bytesAfterDeadline) * 8e6 /
      static_cast<double>(std::max<int64_t>(1, config.durationUs - config.settleDeadlineUs));
  return result;
}

}  // namespace parley::test
