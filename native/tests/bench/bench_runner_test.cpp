// The bench through its facade: settings checks (each bad field named),
// short real runs one-way and two-way whose JSON carries every field of
// docs/bench.md, and cancel(). Waits are bounded by generous deadlines;
// nothing asserts how fast anything ran.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "parley/parley.h"

namespace parley {
namespace {

BenchSettings small(double seconds) {
  BenchSettings s;
  s.width = 320;
  s.height = 240;
  s.fps = 30;
  s.startKbps = 500;
  s.maxKbps = 800;
  s.seconds = seconds;
  s.warmupSeconds = 1;
  s.sampleIntervalMs = 250;
  return s;
}

TEST(BenchSettingsTest, DefaultsAndASmallRunAreValid) {
  EXPECT_NO_THROW(BenchRun{BenchSettings()});
  EXPECT_NO_THROW(BenchRun{small(3)});
}

TEST(BenchSettingsTest, EachBadFieldIsNamed) {
  struct Case {
    const char* field;
    void (*spoil)(BenchSettings&);
  };
  const Case cases[] = {
      {"width", [](BenchSettings& s) { s.width = 0; }},
      {"width", [](BenchSettings& s) { s.width = 641; }},
      {"height", [](BenchSettings& s) { s.height = 10; }},
      {"fps", [](BenchSettings& s) { s.fps = 0; }},
      {"bitrateKbps", [](BenchSettings& s) { s.bitrateKbps = -5; }},
      {"minKbps", [](BenchSettings& s) { s.minKbps = 0; }},
      {"maxKbps", [](BenchSettings& s) { s.maxKbps = 50; }},
      {"startKbps", [](BenchSettings& s) { s.startKbps = 5000; }},
      {"encoderSpeed", [](BenchSettings& s) { s.encoderSpeed = 17; }},
      {"encoderThreads", [](BenchSettings& s) { s.encoderThreads = 0; }},
      {"lossPercent", [](BenchSettings& s) { s.lossPercent = 100; }},
      {"lossPercent", [](BenchSettings& s) { s.lossPercent = std::nan(""); }},
      {"burstLength", [](BenchSettings& s) { s.burstLength = 0.5; }},
      {"delayMs", [](BenchSettings& s) { s.delayMs = -1; }},
      {"jitterMs", [](BenchSettings& s) { s.jitterMs = 20000; }},
      {"reorderPercent", [](BenchSettings& s) { s.reorderPercent = 101; }},
      {"capKbps", [](BenchSettings& s) { s.capKbps = -1; }},
      {"seconds", [](BenchSettings& s) { s.seconds = 0; }},
      {"warmupSeconds", [](BenchSettings& s) { s.warmupSeconds = s.seconds; }},
      {"windowHandle", [](BenchSettings& s) { s.windowHandle = -3; }},
      {"freezeThresholdMs", [](BenchSettings& s) { s.freezeThresholdMs = 0; }},
      {"sampleIntervalMs", [](BenchSettings& s) { s.sampleIntervalMs = 1; }},
  };
  for (const Case& c : cases) {
    BenchSettings settings;
    c.spoil(settings);
    const std::string field = std::string("BenchSettings.") + c.field + " ";
    try {
      BenchRun run(settings);
      ADD_FAILURE() << c.field << ": accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
    }
    EXPECT_THROW(runRawCodecBench(settings), std::invalid_argument) << c.field;
  }
}

// The keys of docs/bench.md, object by object.
const std::vector<std::string> kTopKeys = {"mode", "completed", "error", "settings",
                                           "measuredSeconds", "video", "network", "cpu",
                                           "memory", "timeline"};
const std::vector<std::string> kSettingsKeys = {
    "width", "height", "fps", "bitrateKbps", "startKbps", "minKbps", "maxKbps", "encoderSpeed",
    "encoderThreads", "lossPercent", "burstLength", "delayMs", "jitterMs", "reorderPercent",
    "capKbps", "seconds", "warmupSeconds", "seed", "audio", "twoWay", "srtp", "windowHandle",
    "freezeThresholdMs", "sampleIntervalMs"};
const std::vector<std::string> kVideoKeys = {
    "framesCaptured", "framesEncoded", "framesSent", "framesReceived", "framesRendered",
    "framesDropped", "framesMissing", "renderedFps", "latencyP50Ms", "latencyP95Ms",
    "latencyP99Ms", "latencyMaxMs", "freezes", "frozenMs", "frozenShare", "encodeP50Ms",
    "encodeP95Ms", "decodeP50Ms", "decodeP95Ms", "bitrateKbps", "jitterBufferDelayMs",
    "nacksSent", "plisSent", "retransmissions", "keyframes", "packetsLost"};
const std::vector<std::string> kAudioKeys = {"playedMs", "concealedMs", "concealedShare",
                                             "jitterBufferDelayMs", "jitterBufferDelayP95Ms",
                                             "bitrateKbps"};
const std::vector<std::string> kOtherKeys = {"rttMs", "packetsSent", "packetsLost", "cpuSeconds",
                                             "cpuSecondsPerMediaSecond", "startRssKb",
                                             "peakRssKb", "finalRssKb"};
const std::vector<std::string> kTimelineKeys = {"t", "latencyMs", "bitrateKbps", "targetKbps",
                                                "fps", "rssKb"};

// The text of the object after "key":{ up to its matching brace.
std::string objectOf(const std::string& json, const std::string& key) {
  const size_t at = json.find("\"" + key + "\":{");
  if (at == std::string::npos) return "";
  int depth = 0;
  for (size_t i = json.find('{', at); i < json.size(); ++i) {
    if (json[i] == '{') ++depth;
    if (json[i] == '}' && --depth == 0) return json.substr(at, i - at + 1);
  }
  return "";
}

void expectKeys(const std::string& text, const std::vector<std::string>& keys, const char* where) {
  for (const std::string& key : keys) {
    EXPECT_NE(text.find("\"" + key + "\":"), std::string::npos) << where << " lacks " << key;
  }
}

// A number after "key": in text (NaN when absent).
double numberOf(const std::string& text, const std::string& key) {
  const size_t at = text.find("\"" + key + "\":");
  if (at == std::string::npos) return std::nan("");
  return std::stod(text.substr(at + key.size() + 3));
}

// Balanced braces and brackets outside strings, one top-level object.
bool wellFormed(const std::string& json) {
  int depth = 0;
  bool inString = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') inString = true;
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if (depth < 0 || (depth == 0 && i + 1 < json.size())) return false;
  }
  return depth == 0 && !inString && !json.empty() && json.front() == '{';
}

std::string runToEnd(const BenchSettings& settings) {
  BenchRun run(settings);
  EXPECT_EQ(run.resultJson(), "");
  EXPECT_FALSE(run.waitFinished(0));  // not started
  run.start();
  EXPECT_THROW(run.start(), std::logic_error);
  EXPECT_TRUE(run.waitFinished(120'000));
  return run.resultJson();
}

TEST(BenchRunTest, OneWayRunHasEveryFieldOfTheContract) {
  const std::string json = runToEnd(small(3));
  ASSERT_TRUE(wellFormed(json)) << json;
  expectKeys(json, kTopKeys, "result");
  expectKeys(objectOf(json, "settings"), kSettingsKeys, "settings");
  const std::string video = objectOf(json, "video");
  expectKeys(video, kVideoKeys, "video");
  expectKeys(objectOf(json, "audio"), kAudioKeys, "audio");
  expectKeys(json, kOtherKeys, "result");
  const size_t timeline = json.find("\"timeline\":[{");
  ASSERT_NE(timeline, std::string::npos);
  expectKeys(json.substr(timeline), kTimelineKeys, "timeline");
  EXPECT_EQ(json.find("\"reverse\":"), std::string::npos);
  EXPECT_NE(json.find("\"completed\":true"), std::string::npos) << json;
  EXPECT_NE(json.find("\"mode\":\"pipeline\""), std::string::npos);
  EXPECT_GT(numberOf(video, "framesRendered"), 0) << video;
  EXPECT_GT(numberOf(video, "latencyP50Ms"), 0) << video;
  EXPECT_GT(numberOf(objectOf(json, "memory"), "peakRssKb"), 0);
}

TEST(BenchRunTest, TwoWayRunMeasuresBothDirectionsWithoutAudio) {
  BenchSettings settings = small(3);
  settings.twoWay = true;
  settings.audio = false;
  settings.lossPercent = 2;
  settings.burstLength = 2;
  settings.jitterMs = 10;
  const std::string json = runToEnd(settings);
  ASSERT_TRUE(wellFormed(json)) << json;
  const std::string reverse = objectOf(json, "reverse");
  expectKeys(reverse, kVideoKeys, "reverse");
  EXPECT_GT(numberOf(objectOf(json, "video"), "framesRendered"), 0) << json;
  EXPECT_GT(numberOf(reverse, "framesRendered"), 0) << json;
  EXPECT_EQ(json.find("\"audio\":{"), std::string::npos);
  EXPECT_NE(json.find("\"completed\":true"), std::string::npos) << json;
}

TEST(BenchRunTest, CancelEndsALongRunWithAResultOfWhatRan) {
  BenchRun run(small(600));
  run.start();
  // Wait until something was drawn (bounded), then stop early.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (numberOf(run.progressJson(), "framesRendered") < 5 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::string progress = run.progressJson();
  EXPECT_GT(numberOf(progress, "framesRendered"), 0) << progress;
  run.cancel();
  ASSERT_TRUE(run.waitFinished(60'000));
  const std::string json = run.resultJson();
  ASSERT_TRUE(wellFormed(json)) << json;
  EXPECT_NE(json.find("\"completed\":false"), std::string::npos) << json;
  EXPECT_LT(numberOf(json, "elapsedSeconds"), 600);
  EXPECT_GT(numberOf(objectOf(json, "video"), "framesRendered"), 0) << json;
}

TEST(BenchRunTest, DestroyingARunningBenchCancelsIt) {
  auto run = std::make_unique<BenchRun>(small(600));
  run->start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  run.reset();  // must return (cancel and join), not run for ten minutes
  SUCCEED();
}

TEST(RawCodecBenchTest, ReportsTheContractsFields) {
  BenchSettings settings = small(1);
  settings.warmupSeconds = 0;
  const std::string json = runRawCodecBench(settings);
  ASSERT_TRUE(wellFormed(json)) << json;
  expectKeys(json, {"mode", "frames", "encodeP50Ms", "encodeP95Ms", "decodeP50Ms", "decodeP95Ms",
                    "bitrateKbps", "codecCpuSeconds", "sourceCpuSeconds", "mediaSeconds",
                    "cpuSecondsPerMediaSecond"},
             "raw codec");
  EXPECT_NE(json.find("\"mode\":\"raw-codec\""), std::string::npos);
  EXPECT_GT(numberOf(json, "frames"), 0) << json;
  EXPECT_LE(numberOf(json, "frames"), 30) << json;
  EXPECT_GT(numberOf(json, "cpuSecondsPerMediaSecond"), 0) << json;
}

}  // namespace
}  // namespace parley
