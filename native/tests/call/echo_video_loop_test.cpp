// EchoVideoLoop: every picture is drawn into the target and sent on, as
// captured now on the injected clock and numbered by the loop; nothing is
// sent after stop(). The loop's thread is real; waits are bounded polls.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "call/echo_video_loop.h"
#include "support/fake_clock.h"

namespace parley::call {
namespace {

class RecordingListener final : public EchoVideoLoop::Listener {
 public:
  void onEchoVideoFrame(video::VideoFramePtr frame) override {
    std::lock_guard<std::mutex> lock(mutex);
    frames.push_back(std::move(frame));
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mutex);
    return frames.size();
  }
  std::mutex mutex;
  std::vector<video::VideoFramePtr> frames;
};

class CountingRenderer final : public render::VideoRenderer {
 public:
  void render(const video::VideoFrame& frame) override {
    ++rendered;
    lastFirstByte = frame.data.empty() ? -1 : frame.data[0];
  }
  void setMode(render::RenderMode) override {}
  render::RenderMode mode() const override { return render::RenderMode::kFullContent; }
  render::RenderStats stats() const override { return {}; }
  void resetEvents() override {}
  int rendered = 0;
  int lastFirstByte = -1;
};

bool pollUntil(const std::function<bool()>& done) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

video::VideoFrame picture(uint8_t luma, int64_t remoteSequence) {
  video::VideoFrame frame(32, 16);
  std::fill(frame.data.begin(), frame.data.end(), luma);
  frame.captureTimeUs = 5;  // the decoder's value: must not be what is sent
  frame.sourceSequence = remoteSequence;
  return frame;
}

TEST(EchoVideoLoopTest, DrawsIntoTheTargetAndSendsEachPictureAsCapturedNow) {
  test::FakeClock clock(7'000'000);
  RecordingListener listener;
  CountingRenderer target;
  EchoVideoLoop loop(clock, listener);
  loop.setTarget(&target);
  ASSERT_TRUE(loop.start());
  EXPECT_FALSE(loop.start());

  struct Case {
    const char* name;
    uint8_t luma;
    int64_t advanceMs;
  };
  const Case cases[] = {{"first", 10, 0}, {"second", 20, 33}, {"third", 30, 40}};
  size_t expected = 0;
  for (const Case& c : cases) {
    clock.advanceMs(c.advanceMs);
    loop.render(picture(c.luma, 1000 + static_cast<int64_t>(expected)));
    ++expected;
    ASSERT_TRUE(pollUntil([&] { return listener.count() == expected; })) << c.name;
    const video::VideoFramePtr sent = listener.frames.back();
    EXPECT_EQ(sent->data[0], c.luma) << c.name;
    EXPECT_EQ(sent->captureTimeUs, clock.nowUs()) << c.name;
    EXPECT_EQ(sent->sourceSequence, static_cast<int64_t>(expected - 1)) << c.name;
    EXPECT_EQ(target.rendered, static_cast<int>(expected)) << c.name;
    EXPECT_EQ(target.lastFirstByte, c.luma) << c.name;
  }
  EXPECT_EQ(loop.stats().framesRendered, 3);
  EXPECT_EQ(loop.stats().videoWidth, 32);

  loop.stop();
  loop.render(picture(40, 9));
  EXPECT_EQ(target.rendered, 4) << "the other view keeps drawing after stop";
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(listener.count(), 3u) << "nothing is sent after stop";
  loop.stop();
}

TEST(EchoVideoLoopTest, NoTargetAndBadPicturesAreHandled) {
  test::FakeClock clock;
  RecordingListener listener;
  EchoVideoLoop loop(clock, listener);
  ASSERT_TRUE(loop.start());
  video::VideoFrame empty;
  loop.render(empty);  // nothing to encode: not sent
  video::VideoFrame truncated = picture(1, 0);
  truncated.data.resize(10);
  loop.render(truncated);
  loop.render(picture(50, 0));  // no target: still sent
  ASSERT_TRUE(pollUntil([&] { return listener.count() == 1; }));
  EXPECT_EQ(listener.frames[0]->data[0], 50);
  loop.setMode(render::RenderMode::kFullScreen);
  EXPECT_EQ(loop.mode(), render::RenderMode::kFullScreen);
  loop.stop();
  EXPECT_FALSE(loop.start()) << "not restartable";
}

}  // namespace
}  // namespace parley::call
