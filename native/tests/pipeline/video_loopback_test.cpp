// The video send and receive streams wired back to back, with real threads:
// what goes in as a stamped test pattern must come out decoded, in order, and
// survive loss through NACK retransmission or a keyframe request.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "capture/frame_stamp.h"
#include "capture/test_pattern_source.h"
#include "pipeline/video_receive_stream.h"
#include "pipeline/video_send_stream.h"
#include "render/pixel_buffer_renderer.h"
#include "rtp/rtp_packet.h"
#include "support/fake_clock.h"

namespace parley::pipeline {
namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 240;

// Send stream -> (lossy) wire -> receive stream, and feedback back.
class Wire final : public RtpPacketSink,
                   public VideoFeedbackSink,
                   public VideoReceiveStream::Observer {
 public:
  std::function<bool(uint16_t sequence)> drop = [](uint16_t) { return false; };
  bool answerNacks = true;
  VideoReceiveStream* receiver = nullptr;
  VideoSendStream* sender = nullptr;

  void sendRtpPacket(const uint8_t* data, size_t size) override {
    rtp::RtpPacketView packet;
    ASSERT_EQ(rtp::parseRtpPacket(data, size, &packet), rtp::RtpParseError::kOk);
    const uint16_t sequence = packet.header.sequenceNumber;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      history_[sequence] = std::vector<uint8_t>(data, data + size);
    }
    if (!drop(sequence)) {
      receiver->receiveRtpPacket(data, size);
    }
  }

  void sendNack(uint32_t, const std::vector<uint16_t>& sequences) override {
    std::lock_guard<std::mutex> lock(mutex_);
    nacked_.insert(sequences.begin(), sequences.end());
    if (!answerNacks) {
      return;
    }
    for (uint16_t sequence : sequences) {
      auto it = history_.find(sequence);
      if (it != history_.end()) {
        receiver->receiveRtpPacket(it->second.data(), it->second.size());
      }
    }
  }

  void sendPli(uint32_t) override {
    ++plis_;
    sender->requestKeyframe();
  }

  void onVideoReceiveStreamRendered(const video::VideoFrame& frame, int64_t) override {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::optional<capture::FrameStampValue> stamp = capture::FrameStamp::read(frame);
    rendered_.push_back(stamp ? static_cast<int64_t>(stamp->sequence) : -1);
  }

  std::vector<int64_t> rendered() {
    std::lock_guard<std::mutex> lock(mutex_);
    return rendered_;
  }
  size_t nacked() {
    std::lock_guard<std::mutex> lock(mutex_);
    return nacked_.size();
  }
  int plis() const { return plis_.load(); }

 private:
  std::mutex mutex_;
  std::map<uint16_t, std::vector<uint8_t>> history_;
  std::set<uint16_t> nacked_;
  std::vector<int64_t> rendered_;
  std::atomic<int> plis_{0};
};

struct Loop {
  Wire wire;
  render::PixelBufferRenderer renderer{nullptr};
  VideoSendStream send;
  VideoReceiveStream receive;

  static VideoSendStreamConfig sendConfig() {
    VideoSendStreamConfig config;
    config.encoder.width = kWidth;
    config.encoder.height = kHeight;
    config.encoder.bitrateKbps = 600;
    config.rtp.ssrc = 1234;
    config.payloader.maxPayloadSize = 300;  // several packets per frame even at 320x240
    return config;
  }

  Loop()
      : send(sendConfig(), wire, SystemClock::instance()),
        receive(VideoReceiveStreamConfig(), &renderer, &wire, SystemClock::instance(), &wire) {
    wire.receiver = &receive;
    wire.sender = &send;
    renderer.setTargetSize(kWidth, kHeight);
    receive.start();
  }

  // Sends `count` stamped frames at 30 fps (real time: the jitter buffer
  // paces by arrival) and waits until the last one could have been shown.
  void run(int count, const std::function<void(int)>& beforeFrame = {}) {
    std::string error;
    capture::TestPatternConfig config;
    config.width = kWidth;
    config.height = kHeight;
    auto pattern = capture::TestPatternSource::create(config, SystemClock::instance(), error);
    ASSERT_TRUE(pattern) << error;
    video::VideoFrame frame;
    for (int i = 0; i < count; ++i) {
      if (beforeFrame) {
        beforeFrame(i);
      }
      pattern->read(frame);
      send.sendFrame(frame);
      std::this_thread::sleep_for(std::chrono::milliseconds(33));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    receive.stop();
  }
};

TEST(VideoLoopbackTest, CleanLoopbackShowsEveryFrameInOrder) {
  Loop loop;
  loop.run(45);
  const std::vector<int64_t> rendered = loop.wire.rendered();
  ASSERT_EQ(rendered.size(), 45u);
  for (size_t i = 0; i < rendered.size(); ++i) {
    EXPECT_EQ(rendered[i], static_cast<int64_t>(i)) << "frame " << i;
  }
  const VideoReceiveStats stats = loop.receive.stats();
  EXPECT_EQ(stats.decodeErrors, 0);
  EXPECT_EQ(stats.packetsMalformed, 0);
  EXPECT_GT(loop.send.stats().packetsSent, 45 * 2);
  EXPECT_EQ(loop.renderer.stats().framesRendered, 45);
}

TEST(VideoLoopbackTest, LostPacketsAreRecoveredByNack) {
  Loop loop;
  std::set<uint16_t> dropped;
  std::mutex mutex;
  int count = 0;
  bool dropping = true;
  loop.wire.drop = [&](uint16_t sequence) {
    std::lock_guard<std::mutex> lock(mutex);
    // Drop every 15th packet, once (the retransmission goes through).
    if (dropping && ++count % 15 == 0 && dropped.insert(sequence).second) {
      return true;
    }
    return false;
  };
  // A packet lost from the very last frames could not be noticed (no later
  // packet reveals the gap), so the loss stops a few frames before the end.
  loop.run(45, [&](int frame) {
    std::lock_guard<std::mutex> lock(mutex);
    dropping = frame < 40;
  });
  const std::vector<int64_t> rendered = loop.wire.rendered();
  EXPECT_EQ(rendered.size(), 45u) << "every frame recovered";
  for (size_t i = 1; i < rendered.size(); ++i) {
    EXPECT_GT(rendered[i], rendered[i - 1]) << "in order";
  }
  EXPECT_GE(loop.wire.nacked(), dropped.size());
  EXPECT_EQ(loop.receive.stats().decodeErrors, 0);
  EXPECT_EQ(loop.wire.plis(), 0) << "recovered without a keyframe";
}

TEST(VideoLoopbackTest, UnrecoverableLossIsHealedByAKeyframe) {
  Loop loop;
  loop.wire.answerNacks = false;
  std::mutex mutex;
  int count = 0;
  loop.wire.drop = [&](uint16_t) {
    std::lock_guard<std::mutex> lock(mutex);
    return ++count == 40;  // one packet, early in the call, gone for good
  };
  loop.run(60);
  const std::vector<int64_t> rendered = loop.wire.rendered();
  EXPECT_GE(loop.wire.plis(), 1) << "the broken chain asked for a keyframe";
  ASSERT_FALSE(rendered.empty());
  EXPECT_EQ(rendered.back(), 59) << "the stream resumed and shows the latest frame";
  for (int64_t sequence : rendered) {
    EXPECT_GE(sequence, 0) << "no garbage: every shown picture carries an intact stamp";
  }
  EXPECT_LT(rendered.size(), 60u) << "the undecodable frames were held back, not shown";
}

}  // namespace
}  // namespace parley::pipeline

namespace parley::pipeline {
namespace {

// Holds the decode thread inside render() until released.
class BlockingRenderer final : public render::VideoRenderer {
 public:
  void render(const video::VideoFrame&) override {
    std::unique_lock<std::mutex> lock(mutex_);
    entered_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return released_; });
    finished_ = true;
  }
  void setMode(render::RenderMode) override {}
  render::RenderMode mode() const override { return render::RenderMode::kFullContent; }
  render::RenderStats stats() const override { return {}; }
  void resetEvents() override {}

  bool waitEntered() {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(30), [this] { return entered_; });
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }
  bool finished() {
    std::lock_guard<std::mutex> lock(mutex_);
    return finished_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool entered_ = false;
  bool released_ = false;
  bool finished_ = false;
};

TEST(VideoLoopbackTest, SetRendererWaitsForADrawOnTheOldRendererToFinish) {
  // The owner destroys a renderer once setRenderer() has replaced it: a draw
  // still running on it then would touch freed memory.
  Loop loop;
  BlockingRenderer blocking;
  loop.receive.setRenderer(&blocking);
  std::thread sender([&] { loop.run(10); });
  ASSERT_TRUE(blocking.waitEntered()) << "no frame reached the renderer";
  std::atomic<bool> swapped{false};
  std::thread owner([&] {
    loop.receive.setRenderer(nullptr);
    swapped = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(swapped.load()) << "setRenderer returned while the old renderer was drawing";
  blocking.release();
  owner.join();
  EXPECT_TRUE(swapped.load());
  EXPECT_TRUE(blocking.finished());
  sender.join();
}

}  // namespace
}  // namespace parley::pipeline
