// The facade's CallMedia additions of API 4: SSRCs chosen at construction,
// remote crypto and SSRCs settled after construction (as an SDP offerer
// learns them from the answer), and switching the camera mid-call. Two
// CallMedia talk over real loopback UDP with SRTP; waits are bounded by
// generous deadlines and nothing asserts how long anything took.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

#include "api/call_media_test_support.h"
#include "parley/parley.h"

namespace parley {
namespace {

using test::allStatistics;
using test::pollUntil;
using test::statistic;

CallMediaSettings loopbackSettings(int width, int height) {
  CallMediaSettings settings;
  settings.bindAddress = "127.0.0.1";
  settings.microphone = "tone:440";
  settings.speaker = "null";
  settings.camera.kind = kSourceTestPattern;
  settings.camera.width = width;
  settings.camera.height = height;
  settings.camera.fps = 30;
  settings.startBitrateKbps = 600;
  settings.mediaTimeoutMs = 30000;
  return settings;
}

// Waits for an event of `type` from `objectId` (view `view`) that `accept`
// likes; other events are passed over.
bool waitForEvent(int type, int64_t objectId, int view, const std::function<bool(const Event&)>& accept,
                  std::chrono::seconds deadline, Event* found = nullptr) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  Event event;
  while (std::chrono::steady_clock::now() < end) {
    if (!waitEvent(event, 200)) continue;
    if (event.type == type && event.objectId == objectId && event.value == view && accept(event)) {
      if (found != nullptr) *found = event;
      return true;
    }
  }
  return false;
}

TEST(CallMediaApiTest, LocalSsrcsAreChosenAtConstructionNonZeroDistinctAndStable) {
  CallMedia call(loopbackSettings(320, 240));
  const int64_t audio = call.localAudioSsrc();
  const int64_t video = call.localVideoSsrc();
  const int64_t rtx = call.localVideoRtxSsrc();
  EXPECT_NE(audio, 0);
  EXPECT_NE(video, 0);
  EXPECT_NE(rtx, 0);
  EXPECT_EQ(std::set<int64_t>({audio, video, rtx}).size(), 3u);
  for (int64_t ssrc : {audio, video, rtx}) {
    EXPECT_GT(ssrc, 0);
    EXPECT_LE(ssrc, 0xFFFFFFFFLL);
  }
  EXPECT_EQ(call.localAudioSsrc(), audio);
  EXPECT_EQ(call.localVideoSsrc(), video);
  EXPECT_EQ(call.localVideoRtxSsrc(), rtx);
}

TEST(CallMediaApiTest, SsrcsOfMediaTurnedOffAreZero) {
  struct Case {
    const char* name;
    bool audio;
    bool video;
    int rtxPayloadType;
    bool audioSsrc, videoSsrc, rtxSsrc;
  };
  const Case cases[] = {
      {"voice only", true, false, 97, true, false, false},
      {"video only", false, true, 97, false, true, true},
      {"no RTX", true, true, 0, true, true, false},
  };
  for (const Case& c : cases) {
    CallMediaSettings settings = loopbackSettings(320, 240);
    settings.audio = c.audio;
    settings.video = c.video;
    settings.videoRtxPayloadType = c.rtxPayloadType;
    CallMedia call(settings);
    EXPECT_EQ(call.localAudioSsrc() != 0, c.audioSsrc) << c.name;
    EXPECT_EQ(call.localVideoSsrc() != 0, c.videoSsrc) << c.name;
    EXPECT_EQ(call.localVideoRtxSsrc() != 0, c.rtxSsrc) << c.name;
  }
}

TEST(CallMediaApiTest, SettersCheckTheirValues) {
  CallMedia call(loopbackSettings(320, 240));
  EXPECT_THROW(call.setRemoteCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:not-base64!"),
               std::invalid_argument);
  EXPECT_THROW(call.setRemoteSsrcs(-1, 5), std::invalid_argument);
  EXPECT_THROW(call.setRemoteSsrcs(5, int64_t{1} << 32), std::invalid_argument);
  struct Case {
    const char* name;
    VideoSourceConfig source;
  };
  VideoSourceConfig tooSmall;
  tooSmall.width = 0;
  VideoSourceConfig noRate;
  noRate.fps = 0;
  VideoSourceConfig unknownKind;
  unknownKind.kind = 9;
  VideoSourceConfig noFile;
  noFile.kind = kSourceFile;
  for (const Case& c : {Case{"size", tooSmall}, Case{"fps", noRate}, Case{"kind", unknownKind},
                        Case{"file", noFile}}) {
    EXPECT_THROW(call.switchCamera(c.source), std::invalid_argument) << c.name;
  }
  // Before start() a good config only replaces the configured source.
  VideoSourceConfig good;
  good.width = 160;
  good.height = 120;
  EXPECT_NO_THROW(call.switchCamera(good));
}

TEST(CallMediaApiTest, RemoteCryptoSetLaterTalksAndSwitchCameraChangesWhatThePeerRenders) {
  const std::string keyA = newSdesCryptoAttribute(1, kCryptoAesCm128HmacSha1_80);
  const std::string keyB = newSdesCryptoAttribute(1, kCryptoAesCm128HmacSha1_80);
  // A is the offerer: it knows only its own key when it binds.
  CallMediaSettings settingsA = loopbackSettings(640, 480);
  settingsA.localCrypto = keyA;
  CallMediaSettings settingsB = loopbackSettings(320, 240);
  settingsB.localCrypto = keyB;
  settingsB.remoteCrypto = keyA;
  CallMedia a(settingsA);
  CallMedia b(settingsB);
  a.setRemoteCrypto(keyB);
  a.setRemoteSsrcs(b.localAudioSsrc(), b.localVideoSsrc());
  b.setRemoteSsrcs(a.localAudioSsrc(), a.localVideoSsrc());
  a.setRemote("127.0.0.1", b.localPort());
  b.setRemote("127.0.0.1", a.localPort());
  b.startVideoView(kCallViewOther, 0, kRenderFullContent);
  a.start();
  b.start();
  EXPECT_THROW(a.setRemoteCrypto(keyB), std::logic_error);
  EXPECT_THROW(a.setRemoteSsrcs(1, 2), std::logic_error);

  Event size;
  ASSERT_TRUE(waitForEvent(kEventVideoSizeChanged, b.id(), kCallViewOther,
                           [](const Event& e) { return e.width == 640 && e.height == 480; },
                           std::chrono::seconds(30), &size))
      << "B never drew A's 640x480 picture";
  ASSERT_TRUE(pollUntil([&] { return statistic(b, kStatFramesRendered) >= 10; },
                        std::chrono::seconds(30)));
  EXPECT_EQ(statistic(a, kStatSrtpAuthFailures), 0);
  EXPECT_EQ(statistic(b, kStatSrtpAuthFailures), 0);
  EXPECT_GT(statistic(b, kStatAudioPacketsReceived), 0);

  const int64_t keyframesBefore = statistic(a, kStatKeyframesEncoded);
  VideoSourceConfig smaller;
  smaller.kind = kSourceTestPattern;
  smaller.width = 320;
  smaller.height = 240;
  smaller.fps = 30;
  a.switchCamera(smaller);
  ASSERT_TRUE(waitForEvent(kEventVideoSizeChanged, b.id(), kCallViewOther,
                           [](const Event& e) { return e.width == 320 && e.height == 240; },
                           std::chrono::seconds(30)))
      << "B never drew the switched 320x240 picture";
  EXPECT_GT(statistic(a, kStatKeyframesEncoded), keyframesBefore);
  const int64_t renderedAfterSwitch = statistic(b, kStatFramesRendered);
  EXPECT_TRUE(pollUntil([&] { return statistic(b, kStatFramesRendered) >= renderedAfterSwitch + 20; },
                        std::chrono::seconds(30)))
      << "frames stopped after the switch; A: " << allStatistics(a) << "; B: " << allStatistics(b);

  // A source that cannot be opened: an event, and the call goes on.
  VideoSourceConfig missing;
  missing.kind = kSourceFile;
  missing.filePath = "/nonexistent/parley-switch-test.y4m";
  a.switchCamera(missing);
  EXPECT_TRUE(waitForEvent(kEventCaptureError, a.id(), 0, [](const Event&) { return true; },
                           std::chrono::seconds(30)));
  const int64_t audioBefore = statistic(b, kStatAudioPacketsReceived);
  EXPECT_TRUE(pollUntil([&] { return statistic(b, kStatAudioPacketsReceived) > audioBefore + 10; },
                        std::chrono::seconds(30)))
      << "audio stopped after the failed switch";
  // Switching again recovers video.
  a.switchCamera(smaller);
  const int64_t renderedBefore = statistic(b, kStatFramesRendered);
  EXPECT_TRUE(pollUntil([&] { return statistic(b, kStatFramesRendered) >= renderedBefore + 10; },
                        std::chrono::seconds(30)))
      << "no frames after switching back; A: " << allStatistics(a) << "; B: " << allStatistics(b);
  a.stop();
  b.stop();
}

}  // namespace
}  // namespace parley
