// CaptureThread runs real threads on the real clock: these tests are short and
// every wait in them is bounded.
#include "capture/capture_thread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <vector>

#include "capture/test_pattern_source.h"
#include "common/clock.h"

namespace parley::capture {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr auto kBound = std::chrono::seconds(5);  // far beyond any expected wait

// Records what the capture thread delivers; waits are bounded.
class RecordingListener : public CaptureThread::Listener {
 public:
  void onCaptureFrame(video::VideoFramePtr frame) override {
    std::lock_guard<std::mutex> lock(mutex_);
    frames_.push_back(std::move(frame));
    arrivals_.push_back(steady_clock::now());
    changed_.notify_all();
  }
  void onCaptureError(const std::string& reason) override {
    std::lock_guard<std::mutex> lock(mutex_);
    errors_.push_back(reason);
    changed_.notify_all();
  }
  bool waitForFrames(size_t count) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, kBound, [&] { return frames_.size() >= count; });
  }
  bool waitForError() {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, kBound, [&] { return !errors_.empty(); });
  }
  std::vector<video::VideoFramePtr> frames() {
    std::lock_guard<std::mutex> lock(mutex_);
    return frames_;
  }
  std::vector<steady_clock::time_point> arrivals() {
    std::lock_guard<std::mutex> lock(mutex_);
    return arrivals_;
  }
  std::vector<std::string> errors() {
    std::lock_guard<std::mutex> lock(mutex_);
    return errors_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<video::VideoFramePtr> frames_;
  std::vector<steady_clock::time_point> arrivals_;
  std::vector<std::string> errors_;
};

// A live source that delivers `good` small frames, then fails as an unplugged
// camera does. Counts its reads.
class FailingCamera : public VideoSource {
 public:
  FailingCamera(int good, std::atomic<int>& reads) : good_(good), reads_(reads) {}
  VideoFormat format() const override { return {16, 16, 30}; }
  ReadStatus read(video::VideoFrame& frame) override {
    const int n = reads_.fetch_add(1);
    if (n >= good_) {
      error_ = "camera 0 stopped delivering pictures (unplugged or stalled)";
      return ReadStatus::kFailed;
    }
    frame.resize(16, 16);
    frame.sourceSequence = n;
    return ReadStatus::kFrame;
  }
  bool live() const override { return true; }
  std::string description() const override { return "failing camera"; }
  std::string error() const override { return error_; }

 private:
  int good_;
  std::atomic<int>& reads_;
  std::string error_;
};

// A live source whose read() hangs until the test releases it, like a stalled
// camera. Announces the read and its own destruction.
class HangingCamera : public VideoSource {
 public:
  HangingCamera(std::promise<void>& reading, std::shared_future<void> release,
                std::promise<void>& destroyed)
      : reading_(reading), release_(std::move(release)), destroyed_(destroyed) {}
  ~HangingCamera() override { destroyed_.set_value(); }
  VideoFormat format() const override { return {16, 16, 30}; }
  ReadStatus read(video::VideoFrame& frame) override {
    if (!announced_) {
      announced_ = true;
      reading_.set_value();
    }
    release_.wait();
    frame.resize(16, 16);
    return ReadStatus::kFrame;
  }
  bool live() const override { return true; }
  std::string description() const override { return "hanging camera"; }
  std::string error() const override { return {}; }

 private:
  std::promise<void>& reading_;
  std::shared_future<void> release_;
  std::promise<void>& destroyed_;
  bool announced_ = false;
};

TEST(CaptureThreadTest, PacesASyntheticSourceAtItsFrameRate) {
  std::string error;
  auto pattern = TestPatternSource::create({160, 120, 50}, SystemClock::instance(), error);
  ASSERT_NE(pattern, nullptr) << error;
  RecordingListener listener;
  CaptureThread thread(std::move(pattern), listener);
  EXPECT_FALSE(thread.live());
  EXPECT_EQ(thread.format().width, 160);
  const auto started = steady_clock::now();
  const int64_t startedUs = SystemClock::instance().nowUs();
  ASSERT_TRUE(thread.start());
  EXPECT_FALSE(thread.start());
  ASSERT_TRUE(listener.waitForFrames(10));

  const auto stopStart = steady_clock::now();
  EXPECT_TRUE(thread.stop());
  EXPECT_LT(steady_clock::now() - stopStart, milliseconds(250));  // no frame period waited out

  const auto frames = listener.frames();
  const auto arrivals = listener.arrivals();
  ASSERT_GE(frames.size(), 10u);
  EXPECT_EQ(thread.framesCaptured(), static_cast<int64_t>(frames.size()));
  for (size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(frames[i]->sourceSequence, static_cast<int64_t>(i));
    EXPECT_EQ(frames[i]->width, 160);
  }
  // Frame i is due 20 ms * i after the thread starts: never earlier (a busy
  // machine may make any frame late, and the schedule absorbs that without
  // drifting), and ten frames take about 180 ms, not much more.
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_GE(arrivals[i] - started, milliseconds(20 * i)) << "frame " << i;
    // Capture times come from the source's clock, stamped when each frame is due.
    EXPECT_GE(frames[i]->captureTimeUs - startedUs, static_cast<int64_t>(20'000 * i))
        << "frame " << i;
  }
  EXPECT_LT(arrivals[9] - started, milliseconds(600));
}

TEST(CaptureThreadTest, ReadFailureRaisesOneErrorAndStopsReading) {
  std::atomic<int> reads{0};
  RecordingListener listener;
  CaptureThread thread(std::make_unique<FailingCamera>(3, reads), listener);
  EXPECT_TRUE(thread.live());
  ASSERT_TRUE(thread.start());
  ASSERT_TRUE(listener.waitForError());
  EXPECT_TRUE(thread.stop());  // the thread has already ended
  EXPECT_EQ(listener.frames().size(), 3u);
  ASSERT_EQ(listener.errors().size(), 1u);
  EXPECT_NE(listener.errors()[0].find("unplugged"), std::string::npos);
  EXPECT_EQ(reads.load(), 4);
}

TEST(CaptureThreadTest, StopReturnsInBoundedTimeWhenAReadHangs) {
  std::promise<void> reading;
  std::promise<void> release;
  std::promise<void> destroyed;
  RecordingListener listener;
  {
    CaptureThread thread(
        std::make_unique<HangingCamera>(reading, release.get_future().share(), destroyed),
        listener, milliseconds(100));
    ASSERT_TRUE(thread.start());
    ASSERT_EQ(reading.get_future().wait_for(kBound), std::future_status::ready);

    const auto stopStart = steady_clock::now();
    EXPECT_FALSE(thread.stop());  // had to leave the read behind
    const auto stopTook = steady_clock::now() - stopStart;
    EXPECT_GE(stopTook, milliseconds(90));
    EXPECT_LT(stopTook, milliseconds(1000));
  }
  // The read finally returns: the detached thread ends, frees the source, and
  // does not call the listener any more.
  release.set_value();
  EXPECT_EQ(destroyed.get_future().wait_for(kBound), std::future_status::ready);
  EXPECT_TRUE(listener.frames().empty());
  EXPECT_TRUE(listener.errors().empty());
}

// Stops itself from inside a callback, as a UI reacting to a frame might.
class StoppingListener : public RecordingListener {
 public:
  CaptureThread* thread = nullptr;
  void onCaptureFrame(video::VideoFramePtr frame) override {
    RecordingListener::onCaptureFrame(std::move(frame));
    thread->stop();
  }
};

TEST(CaptureThreadTest, StopFromACallbackEndsTheThread) {
  std::string error;
  auto pattern = TestPatternSource::create({160, 120, 100}, SystemClock::instance(), error);
  ASSERT_NE(pattern, nullptr) << error;
  StoppingListener listener;
  auto thread = std::make_unique<CaptureThread>(std::move(pattern), listener);
  listener.thread = thread.get();
  ASSERT_TRUE(thread->start());
  ASSERT_TRUE(listener.waitForFrames(1));
  EXPECT_TRUE(thread->stop());
  thread.reset();
  EXPECT_EQ(listener.frames().size(), 1u);
}

TEST(CaptureThreadTest, StopBeforeStartAndTwiceIsHarmless) {
  std::string error;
  auto pattern = TestPatternSource::create({160, 120, 30}, SystemClock::instance(), error);
  ASSERT_NE(pattern, nullptr) << error;
  RecordingListener listener;
  CaptureThread thread(std::move(pattern), listener);
  EXPECT_TRUE(thread.stop());
  EXPECT_TRUE(thread.stop());
  EXPECT_FALSE(thread.start());  // a stopped thread does not restart
  EXPECT_TRUE(listener.frames().empty());

  CaptureThread empty(nullptr, listener);
  EXPECT_FALSE(empty.start());
}

}  // namespace
}  // namespace parley::capture
