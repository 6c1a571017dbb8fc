#include "bench/bench_runner.h"

#include <chrono>
#include <cmath>
#include <exception>
#include <sstream>
#include <stdexcept>

#include "bench/json_writer.h"

namespace parley::bench {
namespace {

// "BenchSettings.<name> must be <what>, not <value>" unless lo <= value <= hi.
template <typename T>
void require(bool ok, const char* name, const char* what, T value) {
  if (ok) return;
  std::ostringstream message;
  message << "BenchSettings." << name << " must be " << what << ", not " << value;
  throw std::invalid_argument(message.str());
}

bool within(double value, double lo, double hi) { return value >= lo && value <= hi; }  // false for NaN

}  // namespace

void checkBenchSettings(const BenchSettings& s) {
  require(within(s.width, 128, 3840) && s.width % 2 == 0, "width", "even and 128..3840", s.width);
  require(within(s.height, 36, 2160) && s.height % 2 == 0, "height", "even and 36..2160", s.height);
  require(within(s.fps, 1, 120), "fps", "1..120", s.fps);
  require(s.bitrateKbps == 0 || within(s.bitrateKbps, 10, 50000), "bitrateKbps",
          "0 (rate control) or 10..50000", s.bitrateKbps);
  require(within(s.minKbps, 10, 50000), "minKbps", "10..50000", s.minKbps);
  require(within(s.maxKbps, s.minKbps, 50000), "maxKbps", "minKbps..50000", s.maxKbps);
  require(within(s.startKbps, s.minKbps, s.maxKbps), "startKbps", "minKbps..maxKbps", s.startKbps);
  require(within(s.encoderSpeed, -16, 16), "encoderSpeed", "-16..16", s.encoderSpeed);
  require(within(s.encoderThreads, 1, 16), "encoderThreads", "1..16", s.encoderThreads);
  require(s.lossPercent >= 0 && s.lossPercent < 100, "lossPercent", "0 or more and under 100",
          s.lossPercent);
  require(within(s.burstLength, 1, 1000), "burstLength", "1..1000 packets", s.burstLength);
  require(within(s.delayMs, 0, 10000), "delayMs", "0..10000", s.delayMs);
  require(within(s.jitterMs, 0, 10000), "jitterMs", "0..10000", s.jitterMs);
  require(within(s.reorderPercent, 0, 100), "reorderPercent", "0..100", s.reorderPercent);
  require(within(s.capKbps, 0, 10'000'000), "capKbps", "0 (none) or up to 10000000", s.capKbps);
  require(s.seconds > 0 && s.seconds <= 86400, "seconds", "over 0 and at most 86400", s.seconds);
  require(s.warmupSeconds >= 0 && s.warmupSeconds < s.seconds, "warmupSeconds",
          "0 or more and less than seconds", s.warmupSeconds);
  require(s.windowHandle >= 0, "windowHandle", "0 (pixel buffer) or a handle", s.windowHandle);
  require(within(s.freezeThresholdMs, 1, 60000), "freezeThresholdMs", "1..60000", s.freezeThresholdMs);
  require(within(s.sampleIntervalMs, 10, 60000), "sampleIntervalMs", "10..60000", s.sampleIntervalMs);
}

CallHarnessConfig harnessConfigFrom(const BenchSettings& s, CallHarnessControl* control) {
  CallHarnessConfig c;
  c.label = "bench";
  c.width = s.width;
  c.height = s.height;
  c.fps = s.fps;
  c.seconds = s.seconds;
  c.warmupSeconds = s.warmupSeconds;
  c.seed = static_cast<uint64_t>(s.seed);
  c.lossRate = s.lossPercent / 100.0;
  c.burstLength = s.burstLength;
  c.delayMs = s.delayMs;
  c.jitterMs = s.jitterMs;
  c.reorderRate = s.reorderPercent / 100.0;
  c.capKbps = s.capKbps;
  c.startKbps = s.startKbps;
  c.minKbps = s.minKbps;
  c.maxKbps = s.maxKbps;
  c.fixedVideoKbps = s.bitrateKbps;
  c.encoderSpeed = s.encoderSpeed;
  c.encoderThreads = s.encoderThreads;
  c.audio = s.audio;
  c.srtp = s.srtp;
  c.peerSendsVideo = s.twoWay;
  c.windowHandle = static_cast<uint64_t>(s.windowHandle);
  c.freezeThresholdMs = s.freezeThresholdMs;
  c.pollIntervalMs = s.sampleIntervalMs;
  c.control = control;
  return c;
}

BenchRunner::BenchRunner(const BenchSettings& settings) : settings_(settings) {
  checkBenchSettings(settings_);
}

BenchRunner::~BenchRunner() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void BenchRunner::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (started_) throw std::logic_error("BenchRun::start: the run was already started");
  started_ = true;
  thread_ = std::thread([this] { run(); });
}

void BenchRunner::cancel() { control_.cancel.store(true); }

bool BenchRunner::waitFinished(int timeoutMs) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!started_) return false;
  return finishedChanged_.wait_for(lock, std::chrono::milliseconds(std::max(0, timeoutMs)),
                                   [this] { return finished_; });
}

std::string BenchRunner::progressJson() const {
  bool finished = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finished = finished_;
  }
  JsonWriter j;
  j.beginObject();
  j.number("elapsedSeconds", control_.elapsedSeconds.load());
  j.integer("framesRendered", control_.framesRendered.load());
  j.number("latencyP50Ms", control_.latencyP50Ms.load());
  j.number("bitrateKbps", control_.bitrateKbps.load());
  j.boolean("finished", finished);
  j.endObject();
  return j.str();
}

std::string BenchRunner::resultJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return finished_ ? result_ : std::string();
}

void BenchRunner::run() {
  std::string json;
  try {
    const CallHarnessResult result = runCallPipeline(harnessConfigFrom(settings_, &control_));
    json = benchResultJson(settings_, result);
  } catch (const std::exception& e) {
    CallHarnessResult failed;
    failed.error = e.what();
    json = benchResultJson(settings_, failed);
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    result_ = std::move(json);
    finished_ = true;
  }
  finishedChanged_.notify_all();
}

}  // namespace parley::bench
