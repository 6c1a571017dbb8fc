// Echo mode (API 5): B opens no camera or microphone and sends back what it
// receives, so A sees its own stamped test pattern in its other view and
// hears its own tone. Two CallMedia over real loopback UDP with SRTP; waits
// are bounded by generous deadlines and nothing asserts how long anything took.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

#include "api/call_media_test_support.h"
#include "parley/parley.h"

namespace parley {
namespace {

using test::pollUntil;
using test::statistic;

constexpr int kWidth = 320;
constexpr int kHeight = 240;

CallMediaSettings loopbackSettings(const std::string& localKey, const std::string& remoteKey) {
  CallMediaSettings settings;
  settings.bindAddress = "127.0.0.1";
  settings.microphone = "tone:440";
  settings.speaker = "null";
  settings.camera.kind = kSourceTestPattern;
  settings.camera.width = kWidth;
  settings.camera.height = kHeight;
  settings.camera.fps = 30;
  settings.startBitrateKbps = 800;
  settings.mediaTimeoutMs = 30000;
  settings.localCrypto = localKey;
  settings.remoteCrypto = remoteKey;
  return settings;
}

// The stamp of the latest picture of a pixel-buffer view (invalid when none).
TestPatternStamp stampOf(CallMedia& call, int view) {
  std::vector<uint8_t> bgra(static_cast<size_t>(kWidth) * kHeight * 4);
  const int bytes = call.copyPixels(view, bgra.data(), static_cast<int>(bgra.size()));
  if (bytes != static_cast<int>(bgra.size())) return {};
  return readTestPatternStamp(bgra.data(), kWidth, kHeight, kWidth * 4);
}

TEST(CallMediaEchoTest, EchoSideSendsTheCallersOwnVideoAndAudioBack) {
  const std::string keyA = newSdesCryptoAttribute(1, kCryptoAesCm128HmacSha1_80);
  const std::string keyB = newSdesCryptoAttribute(1, kCryptoAesCm128HmacSha1_80);
  CallMediaSettings settingsA = loopbackSettings(keyA, keyB);
  CallMediaSettings settingsB = loopbackSettings(keyB, keyA);
  settingsB.echo = true;
  // Ignored in echo mode: neither may be opened.
  settingsB.microphone = "wav:/nonexistent/parley-echo-test.wav";
  settingsB.camera.kind = kSourceFile;
  settingsB.camera.filePath = "/nonexistent/parley-echo-test.y4m";
  CallMedia a(settingsA);
  CallMedia b(settingsB);
  a.setRemote("127.0.0.1", b.localPort());
  b.setRemote("127.0.0.1", a.localPort());
  for (int view : {kCallViewSelf, kCallViewOther}) {
    a.startVideoView(view, 0, kRenderFullContent);
    a.setPixelBufferSize(view, kWidth, kHeight);
  }
  b.startVideoView(kCallViewOther, 0, kRenderFullContent);
  b.setPixelBufferSize(kCallViewOther, kWidth, kHeight);
  a.start();
  b.start();

  // A's other view shows A's own pattern, stamped by A's camera.
  TestPatternStamp echoed;
  ASSERT_TRUE(pollUntil(
      [&] {
        const TestPatternStamp s = stampOf(a, kCallViewOther);
        if (s.valid) echoed = s;
        return echoed.valid;
      },
      std::chrono::seconds(30)))
      << "A never saw its pattern come back; frames B rendered: "
      << statistic(b, kStatFramesRendered) << ", B encoded: " << statistic(b, kStatFramesEncoded);
  TestPatternStamp own;
  ASSERT_TRUE(pollUntil(
      [&] {
        const TestPatternStamp s = stampOf(a, kCallViewSelf);
        if (s.valid) own = s;
        return own.valid && own.sequence >= echoed.sequence;
      },
      std::chrono::seconds(30)));
  // The echo is a picture A's camera took earlier: its number and capture
  // time are A's, not later than what A's camera shows now, and recent.
  EXPECT_LE(echoed.sequence, own.sequence);
  EXPECT_LE(echoed.captureTimeMs, own.captureTimeMs);
  EXPECT_LT(own.sequence - echoed.sequence, 30 * 30) << "the echo is not from this call's camera";
  EXPECT_LT(own.captureTimeMs - echoed.captureTimeMs, 30'000);

  // B drew A's picture too, and sent frames of its own encoder.
  EXPECT_TRUE(stampOf(b, kCallViewOther).valid || statistic(b, kStatFramesRendered) > 0);
  EXPECT_GT(statistic(b, kStatFramesEncoded), 0);

  // Audio comes back: A receives packets, and they carry A's tone.
  EXPECT_TRUE(pollUntil([&] { return statistic(a, kStatAudioPacketsReceived) > 25; },
                        std::chrono::seconds(30)));
  EXPECT_TRUE(pollUntil([&] { return statistic(a, kStatOutputLevel) > 40; },
                        std::chrono::seconds(30)))
      << "A's received level " << statistic(a, kStatOutputLevel) << ", B's sent level "
      << statistic(b, kStatInputLevel);
  EXPECT_EQ(statistic(b, kStatSrtpAuthFailures), 0);
  EXPECT_EQ(statistic(a, kStatSrtpAuthFailures), 0);
  a.stop();
  b.stop();
}

TEST(CallMediaEchoTest, SwitchCameraIsIgnoredInEchoMode) {
  CallMediaSettings settings = loopbackSettings("", "");
  settings.allowPlainRtp = true;
  settings.echo = true;
  CallMedia call(settings);
  VideoSourceConfig other;
  other.width = 160;
  other.height = 120;
  EXPECT_NO_THROW(call.switchCamera(other));
}

}  // namespace
}  // namespace parley
