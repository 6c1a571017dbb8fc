// The audio jitter buffer over a simulated network: loss, jitter, FEC, DTX,
// the delay cap, clock drift over a long call, and a tone round trip.
#include <gtest/gtest.h>

#include <cstdio>
#include <vector>

#include "audio/audio_jitter_buffer.h"
#include "audio_stream_sim.h"
#include "support/tone_power.h"

namespace parley::audio::test {
namespace {

constexpr int kStreamFrames = 500;  // 10 s of encoded audio, looped

double concealedShare(const AudioJitterBuffer::Stats& stats) {
  return stats.playedMs > 0 ? static_cast<double>(stats.concealedMs) / stats.playedMs : 1.0;
}

TEST(AudioJitterBufferNetworkTest, FivePercentLossAndThirtyMsJitter) {
  const auto stream = encodeSignal(Signal::kSpeechLike, kStreamFrames, {});
  NetworkConfig network;
  network.seed = 7;
  network.lossRate = 0.05;
  network.jitterMs = 30;
  network.durationMs = 120000;
  const CallResult result = simulateCall(stream, network);
  const double share = concealedShare(result.stats);
  const int p95 = percentile(result.delaysMs, 0.95);
  std::printf(
      "[figures] loss %.2f%% jitter 30 ms: concealed %.2f%% (%lld ms of %lld), delay p50 %d p95 %d "
      "max %d ms, target %d ms, late %llu, accelerated %lld ms, decelerated %lld ms\n",
      100.0 * result.packetsDropped / result.packetsSent, 100 * share,
      static_cast<long long>(result.stats.concealedMs),
      static_cast<long long>(result.stats.playedMs), percentile(result.delaysMs, 0.5), p95,
      percentile(result.delaysMs, 1.0), result.stats.targetDelayMs,
      static_cast<unsigned long long>(result.stats.packetsLate),
      static_cast<long long>(result.stats.acceleratedMs),
      static_cast<long long>(result.stats.deceleratedMs));
  EXPECT_LT(share, 0.06);
  EXPECT_LT(p95, 80);
  EXPECT_EQ(result.stats.fecRecoveredMs, 0);  // FEC off
}

TEST(AudioJitterBufferNetworkTest, InbandFecRecoversSingleLosses) {
  EncoderSettings withFec;
  withFec.fec = true;
  withFec.lossPercent = 10;
  EncoderSettings withoutFec = withFec;
  withoutFec.fec = false;
  NetworkConfig network;
  network.seed = 11;
  network.lossRate = 0.08;
  network.singleLossesOnly = true;
  network.jitterMs = 20;
  network.durationMs = 60000;
  const CallResult fec =
      simulateCall(encodeSignal(Signal::kSpeechLike, kStreamFrames, withFec), network);
  const CallResult plain =
      simulateCall(encodeSignal(Signal::kSpeechLike, kStreamFrames, withoutFec), network);
  std::printf(
      "[figures] single losses %llu/%llu: with FEC recovered %lld ms (%llu packets), concealed "
      "%lld ms;"
      " without FEC concealed %lld ms\n",
      static_cast<unsigned long long>(fec.packetsDropped),
      static_cast<unsigned long long>(fec.packetsSent),
      static_cast<long long>(fec.stats.fecRecoveredMs),
      static_cast<unsigned long long>(fec.stats.fecRecovered),
      static_cast<long long>(fec.stats.concealedMs),
      static_cast<long long>(plain.stats.concealedMs));
  EXPECT_GT(fec.stats.fecRecoveredMs, 0);
  EXPECT_GT(fec.stats.fecRecovered, fec.packetsDropped / 3);  // not every frame carries FEC
  EXPECT_LT(fec.stats.concealedMs, plain.stats.concealedMs * 3 / 4);
  EXPECT_EQ(plain.stats.fecRecoveredMs, 0);
}

TEST(AudioJitterBufferNetworkTest, DtxGapsAreNotLoss) {
  EncoderSettings settings;
  settings.dtx = true;
  const auto stream = encodeSignal(Signal::kTalkspurts, kStreamFrames, settings);
  size_t dtxFrames = 0;
  for (const auto& packet : stream) dtxFrames += packet.empty() ? 1 : 0;
  ASSERT_GT(dtxFrames, static_cast<size_t>(kStreamFrames / 10));  // the encoder did go silent
  NetworkConfig network;
  network.seed = 3;
  network.jitterMs = 20;
  network.durationMs = 60000;
  const CallResult result = simulateCall(stream, network);
  std::printf(
      "[figures] DTX: %zu of %d frames not sent; comfort %lld ms, concealed %lld ms, lost %llu, "
      "played %lld ms\n",
      dtxFrames, kStreamFrames, static_cast<long long>(result.stats.comfortMs),
      static_cast<long long>(result.stats.concealedMs),
      static_cast<unsigned long long>(result.stats.packetsLost),
      static_cast<long long>(result.stats.playedMs));
  EXPECT_EQ(result.stats.packetsLost, 0u);
  EXPECT_GT(result.stats.comfortMs, 10000);
  EXPECT_LT(result.stats.concealedMs, result.stats.playedMs / 100);
}

TEST(AudioJitterBufferNetworkTest, HugeJitterNeverPushesTheDelayAboveTheCap) {
  const auto stream = encodeSignal(Signal::kSpeechLike, kStreamFrames, {});
  for (int cap : {120, 200}) {
    NetworkConfig network;
    network.seed = 5;
    network.jitterMs = 600;
    network.durationMs = 30000;
    AudioJitterBuffer::Config config;
    config.maxDelayMs = cap;
    const CallResult result = simulateCall(stream, network, config);
    const int worst = percentile(result.delaysMs, 1.0);
    std::printf(
        "[figures] jitter 600 ms, cap %d: delay max %d ms, target %d ms, concealed %lld ms\n", cap,
        worst, result.stats.targetDelayMs, static_cast<long long>(result.stats.concealedMs));
    EXPECT_LE(worst, cap);
    EXPECT_LE(result.stats.targetDelayMs, cap);
    EXPECT_GE(result.stats.targetDelayMs, cap - 10);  // the estimate did want more
  }
}

void expectDriftAbsorbed(double driftPpm) {
  const auto stream = encodeSignal(Signal::kSpeechLike, kStreamFrames, {});
  NetworkConfig network;
  network.seed = 13;
  network.jitterMs = 20;
  network.driftPpm = driftPpm;
  network.durationMs = 10 * 60 * 1000;
  network.pullMs = 20;
  const CallResult result = simulateCall(stream, network);
  const size_t perMinute = 60000 / 20;
  ASSERT_GT(result.delaysMs.size(), 9 * perMinute);
  // Settled: the second half of the first minute; end: the last 30 s.
  const std::vector<int> first(result.delaysMs.begin() + perMinute / 2,
                               result.delaysMs.begin() + perMinute);
  const std::vector<int> last(result.delaysMs.end() - perMinute / 2, result.delaysMs.end());
  const int start = percentile(first, 0.5);
  const int end = percentile(last, 0.5);
  std::printf(
      "[figures] drift %+.0f ppm over 10 min: delay %d ms after 1 min, %d ms at the end "
      "(max %d), accelerated %lld ms, decelerated %lld ms, concealed %lld ms\n",
      driftPpm, start, end, percentile(result.delaysMs, 1.0),
      static_cast<long long>(result.stats.acceleratedMs),
      static_cast<long long>(result.stats.deceleratedMs),
      static_cast<long long>(result.stats.concealedMs));
  EXPECT_NEAR(end, start, 20);
}

TEST(AudioJitterBufferNetworkTest, SenderClockFasterDoesNotCreepTheDelay) {
  expectDriftAbsorbed(100);
}

TEST(AudioJitterBufferNetworkTest, SenderClockSlowerDoesNotCreepTheDelay) {
  expectDriftAbsorbed(-100);
}

TEST(AudioJitterBufferNetworkTest, ToneKeepsItsFrequencyThroughTheBuffer) {
  EncoderSettings settings;
  settings.complexity = 10;
  const auto stream = encodeSignal(Signal::kTone, 250, settings);
  NetworkConfig network;
  network.seed = 17;
  network.jitterMs = 30;
  network.durationMs = 5000;
  network.keepOutput = true;
  const CallResult result = simulateCall(stream, network);
  ASSERT_EQ(result.output.size(), static_cast<size_t>(5 * kRate));
  const std::vector<int16_t> settled(result.output.begin() + kRate, result.output.end());
  const double at440 = parley::test::tonePower(settled, 440);
  std::printf("[figures] tone: power 440 Hz / 660 Hz = %.0f, / 300 Hz = %.0f, stretched %lld ms\n",
              at440 / parley::test::tonePower(settled, 660), at440 / parley::test::tonePower(settled, 300),
              static_cast<long long>(result.stats.acceleratedMs + result.stats.deceleratedMs));
  EXPECT_GT(at440, 100 * parley::test::tonePower(settled, 660));
  EXPECT_GT(at440, 100 * parley::test::tonePower(settled, 300));
  EXPECT_EQ(result.stats.concealedMs, 0);
}

}  // namespace
}  // namespace parley::audio::test
