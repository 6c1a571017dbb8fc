// Two CallMediaPipelines in one process, joined by simulated links: audio
// (tone in, null speaker out) and video (test pattern) both ways over SRTP,
// with loss and delay on the links. Waits are bounded by generous deadlines;
// what is asserted is what happened, never how long it took.
#include "call/call_media_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "network/simulated_transport.h"
#include "srtp/sdes_crypto_attribute.h"

namespace parley::call {
namespace {

class RecordingListener final : public CallMediaPipeline::Listener {
 public:
  void onCallMediaTimeout() override { timeouts.fetch_add(1); }
  void onCallMediaRemoteBye(uint32_t) override { byes.fetch_add(1); }
  void onCallMediaAudioDeviceError(const std::string& reason) override {
    std::lock_guard<std::mutex> lock(mutex);
    audioErrors.push_back(reason);
  }
  void onCallMediaCaptureError(const std::string& reason) override {
    std::lock_guard<std::mutex> lock(mutex);
    captureErrors.push_back(reason);
  }
  size_t audioErrorCount() {
    std::lock_guard<std::mutex> lock(mutex);
    return audioErrors.size();
  }
  size_t captureErrorCount() {
    std::lock_guard<std::mutex> lock(mutex);
    return captureErrors.size();
  }

  std::atomic<int> timeouts{0};
  std::atomic<int> byes{0};
  std::mutex mutex;
  std::vector<std::string> audioErrors;
  std::vector<std::string> captureErrors;
};

srtp::SrtpMasterKey newKey() {
  srtp::SrtpMasterKey key;
  EXPECT_TRUE(srtp::generateSrtpMasterKey(srtp::CryptoSuite::kAesCm128HmacSha1_80, &key));
  return key;
}

CallMediaConfig sideConfig(const srtp::SrtpMasterKey& local, const srtp::SrtpMasterKey& remote) {
  CallMediaConfig config;
  config.session.localKey = local;
  config.session.remoteKey = remote;
  config.microphone = audio::AudioInputSpec::tone(440);
  config.speaker = audio::AudioOutputSpec::null();
  config.camera.kind = kSourceTestPattern;
  config.camera.width = 320;
  config.camera.height = 240;
  config.camera.fps = 30;
  config.videoSend.encoder.width = 320;
  config.videoSend.encoder.height = 240;
  config.videoSend.encoder.bitrateKbps = 400;
  config.session.sendRate.startBitrateBps = 500'000;
  return config;
}

// Polls until `done` or the deadline; returns the last stats.
CallMediaStats waitFor(const CallMediaPipeline& call, const std::function<bool(const CallMediaStats&)>& done,
                       std::chrono::seconds deadline = std::chrono::seconds(60)) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  CallMediaStats stats = call.stats();
  while (!done(stats) && std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stats = call.stats();
  }
  return stats;
}

struct LinkPair {
  explicit LinkPair(const network::SimulatedNetwork::Config& link)
      : a(link, SystemClock::instance(), *network::SocketAddress::parse("10.0.0.1:5000")),
        b(link, SystemClock::instance(), *network::SocketAddress::parse("10.0.0.2:5000")) {
    network::SimulatedTransport::connect(a, b);
  }
  network::SimulatedTransport a;
  network::SimulatedTransport b;
};

TEST(CallMediaPipelineTest, AudioVideoAndLipSyncOverALossyLink) {
  network::SimulatedNetwork::Config link;
  link.seed = 7;
  link.lossRate = 0.03;
  link.delayUs = 30'000;
  link.jitterUs = 10'000;
  LinkPair links(link);
  const srtp::SrtpMasterKey keyA = newKey();
  const srtp::SrtpMasterKey keyB = newKey();
  RecordingListener listenerA;
  RecordingListener listenerB;
  CallMediaPipeline a(sideConfig(keyA, keyB), links.a, SystemClock::instance(), listenerA);
  CallMediaPipeline b(sideConfig(keyB, keyA), links.b, SystemClock::instance(), listenerB);
  std::string error;
  ASSERT_TRUE(a.start(&error)) << error;
  ASSERT_TRUE(b.start(&error)) << error;

  const CallMediaStats stats = waitFor(b, [](const CallMediaStats& s) {
    return s.videoReceive.framesRendered >= 150 && s.audioReceive.jitter.playedMs >= 5000 &&
           s.lipSyncOffsetMs && std::abs(*s.lipSyncOffsetMs) < 40 && s.session.rttMs > 0;
  });
  std::printf("[figures] lip sync offset %d ms (video held %d ms), video delay %d ms, audio delay %d ms, "
              "rtt %lld ms, concealed %lld of %lld ms\n",
              stats.lipSyncOffsetMs.value_or(-9999), stats.lipSyncVideoDelayMs,
              stats.videoReceive.jitter.currentDelayMs, stats.audioReceive.jitter.currentDelayMs,
              static_cast<long long>(stats.session.rttMs),
              static_cast<long long>(stats.audioReceive.jitter.concealedMs),
              static_cast<long long>(stats.audioReceive.jitter.playedMs));
  EXPECT_TRUE(stats.microphoneOpen);
  EXPECT_TRUE(stats.speakerOpen);
  EXPECT_TRUE(stats.cameraOpen);
  EXPECT_GE(stats.videoReceive.framesRendered, 150);
  EXPECT_GE(stats.audioReceive.jitter.playedMs, 5000);
  ASSERT_TRUE(stats.lipSyncOffsetMs.has_value()) << "sender reports and playout on both streams";
  EXPECT_LT(std::abs(*stats.lipSyncOffsetMs), 40) << "video " << *stats.lipSyncOffsetMs << " ms off audio";
  EXPECT_GT(stats.session.rttMs, 50) << "two 30 ms one-way delays";
  // Loss was repaired: NACKs went out and retransmissions came back.
  uint64_t retransmitted = 0;
  for (const auto& stream : stats.session.receive) retransmitted += stream.retransmitted;
  EXPECT_GT(retransmitted, 0u);
  EXPECT_EQ(stats.session.srtpAuthFailures, 0u);
  EXPECT_LT(stats.audioReceive.jitter.concealedMs, stats.audioReceive.jitter.playedMs / 10);
  EXPECT_EQ(listenerB.audioErrorCount(), 0u);
  EXPECT_EQ(listenerB.captureErrorCount(), 0u);

  a.stop();
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (listenerB.byes.load() == 0 && std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GT(listenerB.byes.load(), 0) << "stop() sends RTCP BYE";
  b.stop();
}

TEST(CallMediaPipelineTest, MissingDevicesAreReportedAndTheCallGoesOn) {
  LinkPair links(network::SimulatedNetwork::Config{});
  const srtp::SrtpMasterKey keyA = newKey();
  const srtp::SrtpMasterKey keyB = newKey();
  RecordingListener listenerA;
  RecordingListener listenerB;
  CallMediaConfig configA = sideConfig(keyA, keyB);
  configA.camera.kind = kSourceFile;
  configA.camera.filePath = "/nonexistent/camera.y4m";
  configA.microphone = audio::AudioInputSpec::wav("/nonexistent/microphone.wav");
  CallMediaPipeline a(configA, links.a, SystemClock::instance(), listenerA);
  CallMediaPipeline b(sideConfig(keyB, keyA), links.b, SystemClock::instance(), listenerB);
  std::string error;
  ASSERT_TRUE(a.start(&error)) << error;
  ASSERT_TRUE(b.start(&error)) << error;
  EXPECT_EQ(listenerA.captureErrorCount(), 1u);
  EXPECT_EQ(listenerA.audioErrorCount(), 1u);
  // A still receives B's media and plays it.
  const CallMediaStats stats = waitFor(a, [](const CallMediaStats& s) {
    return s.videoReceive.framesRendered >= 30 && s.audioReceive.jitter.playedMs >= 2000;
  });
  EXPECT_FALSE(stats.cameraOpen);
  EXPECT_FALSE(stats.microphoneOpen);
  EXPECT_GE(stats.videoReceive.framesRendered, 30);
  EXPECT_GE(stats.audioReceive.jitter.playedMs, 2000);
  a.stop();
  b.stop();
}

TEST(CallMediaPipelineTest, APeerThatVanishesTimesOut) {
  LinkPair links(network::SimulatedNetwork::Config{});
  const srtp::SrtpMasterKey keyA = newKey();
  const srtp::SrtpMasterKey keyB = newKey();
  RecordingListener listener;
  CallMediaConfig config = sideConfig(keyA, keyB);
  config.video = false;
  config.session.mediaTimeoutMs = 500;
  CallMediaPipeline a(config, links.a, SystemClock::instance(), listener);
  std::string error;
  ASSERT_TRUE(a.start(&error)) << error;  // nobody ever answers on links.b
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (listener.timeouts.load() == 0 && std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(listener.timeouts.load(), 1);
  EXPECT_TRUE(a.stats().session.timedOut);
  a.stop();
}

TEST(CallMediaPipelineTest, RefusesToStartWithoutKeysUnlessPlainRtpIsAllowed) {
  LinkPair links(network::SimulatedNetwork::Config{});
  RecordingListener listener;
  CallMediaConfig config = sideConfig(newKey(), newKey());
  config.session.localKey.reset();
  config.session.remoteKey.reset();
  CallMediaPipeline a(config, links.a, SystemClock::instance(), listener);
  std::string error;
  EXPECT_FALSE(a.start(&error));
  EXPECT_NE(error.find("plain RTP"), std::string::npos) << error;
}

}  // namespace
}  // namespace parley::call
