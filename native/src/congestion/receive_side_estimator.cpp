// ReceiveSideEstimator: the receive-side pipeline of draft-ietf-rmcat-gcc-02
// section 5 put together:
//   abs-send-time unwrap -> InterArrival (5.1, 5.2) -> TrendlineEstimator (5.3)
//   -> OveruseDetector (5.4) -> AimdRateControl (5.5) -> REMB scheduling
// with the incoming bitrate R_hat measured over a 500 ms RateWindow.
#include "congestion/receive_side_estimator.h"

#include <algorithm>

#include "congestion/abs_send_time_unwrapper.h"
#include "congestion/aimd_rate_control.h"
#include "congestion/inter_arrival.h"
#include "congestion/overuse_detector.h"
#include "congestion/rate_window.h"
#include "congestion/trendline_estimator.h"

namespace parley::congestion {

namespace {
// Periodic REMBs follow the estimate as often as 5% of it can carry an
// 80-byte REMB-bearing compound packet (the RTCP share of RFC 3550 section
// 6.2), between every 200 ms and every second (libwebrtc's bounds). A sender
// that hears of increases only once a second moves in large steps that
// overshoot the path; 200 ms keeps the steps small.
constexpr int64_t kMinRembIntervalUs = 200'000;
constexpr int64_t kMaxRembIntervalUs = 1'000'000;
constexpr double kRembPacketBits = 80 * 8;
constexpr double kRtcpShare = 0.05;
constexpr size_t kMaxPacketBytes = 65'535;

int64_t rembIntervalUs(uint64_t estimateBps) {
  if (estimateBps == 0) return kMaxRembIntervalUs;
  const double us = kRembPacketBits / (kRtcpShare * static_cast<double>(estimateBps)) * 1e6;
  if (us <= static_cast<double>(kMinRembIntervalUs)) return kMinRembIntervalUs;
  if (us >= static_cast<double>(kMaxRembIntervalUs)) return kMaxRembIntervalUs;
  return static_cast<int64_t>(us);
}
// A drop of more than this share goes out at once (the sender must react
// within an RTT, not a second later).
constexpr double kRembImmediateDrop = 0.03;

AimdRateControl::Config aimdConfig(const ReceiveSideEstimator::Config& config) {
  AimdRateControl::Config c;
  c.minBitrateBps = config.minBitrateBps;
  c.maxBitrateBps = config.maxBitrateBps;
  c.startBitrateBps = config.startBitrateBps;
  return c;
}
}  // namespace

struct ReceiveSideEstimator::State {
  explicit State(const Config& config) : rateControl(aimdConfig(config)) {}

  AbsSendTimeUnwrapper unwrapper;
  InterArrival interArrival;
  TrendlineEstimator trendline;
  OveruseDetector detector;
  AimdRateControl rateControl;
  RateWindow incoming{500'000};
  int64_t lastRembUs = -1;
  uint64_t lastRembBps = 0;
};

ReceiveSideEstimator::ReceiveSideEstimator(const Config& config) : state_(new State(config)) {}

ReceiveSideEstimator::~ReceiveSideEstimator() { delete state_; }

void ReceiveSideEstimator::onPacket(int64_t arrivalUs, uint32_t absSendTime24, size_t sizeBytes) {
  State& s = *state_;
  // No UDP datagram is larger; a bigger figure is a caller's bug and must
  // not overflow the rate arithmetic.
  sizeBytes = std::min<size_t>(sizeBytes, kMaxPacketBytes);
  s.incoming.add(arrivalUs, sizeBytes);
  const int64_t sendUs = s.unwrapper.unwrapUs(absSendTime24);
  InterArrival::Deltas deltas;
  if (!s.interArrival.onPacket(sendUs, arrivalUs, sizeBytes, &deltas)) return;
  s.trendline.update(deltas.sendDeltaUs, deltas.arrivalDeltaUs, deltas.arrivalUs);
  const BandwidthUsage usage =
      s.detector.detect(s.trendline.modifiedTrend(), deltas.sendDeltaUs, arrivalUs);
  const uint64_t incoming = s.incoming.valid(arrivalUs) ? s.incoming.bitrateBps(arrivalUs) : 0;
  s.rateControl.update(usage, incoming, arrivalUs);
}

void ReceiveSideEstimator::setRttMs(int64_t rttMs) { state_->rateControl.setRttMs(rttMs); }

bool ReceiveSideEstimator::rembDue(int64_t nowUs, uint64_t* bitrateBps) {
  State& s = *state_;
  if (!s.rateControl.initialized()) return false;
  const uint64_t estimate = s.rateControl.estimateBps();
  const bool first = s.lastRembUs < 0;
  const bool dropped =
      static_cast<double>(estimate) < (1.0 - kRembImmediateDrop) * static_cast<double>(s.lastRembBps);
  const bool periodic = !first && nowUs - s.lastRembUs >= rembIntervalUs(estimate);
  if (!first && !dropped && !periodic) return false;
  s.lastRembUs = nowUs;
  s.lastRembBps = estimate;
  *bitrateBps = estimate;
  return true;
}

uint64_t ReceiveSideEstimator::estimateBps() const { return state_->rateControl.estimateBps(); }

uint64_t ReceiveSideEstimator::incomingBitrateBps(int64_t nowUs) const {
  return state_->incoming.bitrateBps(nowUs);
}

}  // namespace parley::congestion
