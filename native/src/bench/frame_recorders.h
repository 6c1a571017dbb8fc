// What the call harness hangs on both ends of one video direction to measure
// it: the sender's self view records when each frame was captured, the
// receiver's view reads the stamp out of each picture it draws, and the codec
// hooks record encode and decode times per frame.
#ifndef PARLEY_BENCH_FRAME_RECORDERS_H
#define PARLEY_BENCH_FRAME_RECORDERS_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "bench/percentiles.h"
#include "common/clock.h"
#include "pipeline/video_receive_stream.h"
#include "pipeline/video_send_stream.h"
#include "render/video_renderer.h"

namespace parley::bench {

// Stops accepting entries past this many (10 minutes at 60 fps use 36,000).
constexpr size_t kMaxLogEntries = 1 << 20;

// A renderer that only records; the stats under the mutex.
class RecordingRenderer : public render::VideoRenderer {
 public:
  void setMode(render::RenderMode mode) override { mode_ = mode; }
  render::RenderMode mode() const override { return mode_; }
  render::RenderStats stats() const override;
  void resetEvents() override {}

 protected:
  mutable std::mutex mutex_;
  render::RenderStats stats_;  // under mutex_

 private:
  render::RenderMode mode_ = render::RenderMode::kFullContent;
};

// The sender's self view: the capture time (microseconds) of each frame by
// its sequence, which the stamp carries.
class CaptureLog final : public RecordingRenderer {
 public:
  void render(const video::VideoFrame& frame) override;
  // Sizes the log for `frames` frames before the run (see Percentiles::prepare).
  void prepare(size_t frames);
  // Capture time of every sequence seen so far (-1: not seen).
  std::vector<int64_t> captureTimes() const;

 private:
  std::vector<int64_t> captureUs_;
};

// One picture the receiver drew: when, and the stamp it carried (-1: unreadable).
struct RenderEvent {
  int64_t renderedUs = 0;
  int64_t sequence = -1;
  int64_t stampCaptureUs = 0;  // the stamp's capture time (ms resolution)
};

// The receiver's view: draws each picture into `target` (a window or a pixel
// buffer; null: nowhere), then notes the time and reads the stamp.
class StampReader final : public RecordingRenderer {
 public:
  StampReader(const Clock& clock, std::unique_ptr<render::VideoRenderer> target);

  void render(const video::VideoFrame& frame) override;
  // Sizes the log for `frames` pictures before the run.
  void prepare(size_t frames);
  std::vector<RenderEvent> events() const;
  // Latencies (capture -> drawn, from the stamps, ms) and distinct frames of
  // the pictures drawn since the last call.
  struct Interval {
    std::vector<double> latenciesMs;
    int64_t framesDrawn = 0;
  };
  Interval takeInterval();
  int64_t framesDrawn() const;

 private:
  const Clock& clock_;
  std::unique_ptr<render::VideoRenderer> target_;
  std::vector<RenderEvent> events_;
  size_t intervalStart_ = 0;
};

// Encode and decode wall time per frame (the send stream's and receive
// stream's hooks) from the window's start on.
class CodecTimes final : public pipeline::VideoSendStream::Observer,
                         public pipeline::VideoReceiveStream::Observer {
 public:
  explicit CodecTimes(const Clock& clock) : clock_(clock) {}
  // Samples before this (clock microseconds) are not kept; INT64_MAX: none yet.
  void setWindowStart(int64_t startUs) { windowStartUs_.store(startUs); }
  // Sizes the sample stores for `frames` frames before the run.
  void prepare(size_t frames);
  void onVideoSendStreamEncoded(const video::VideoFrame& frame, int64_t encodeUs, size_t bytes,
                                bool keyframe) override;
  void onVideoReceiveStreamRendered(const video::VideoFrame& frame, int64_t decodeUs) override;

  struct Summary {
    int64_t framesEncoded = 0;
    double encodeP50Ms = -1, encodeP95Ms = -1, encodeMeanMs = -1;
    int64_t framesDecoded = 0;
    double decodeP50Ms = -1, decodeP95Ms = -1, decodeMeanMs = -1;
  };
  Summary summary() const;

 private:
  bool inWindow() const { return clock_.nowUs() >= windowStartUs_.load(); }

  const Clock& clock_;
  std::atomic<int64_t> windowStartUs_{INT64_MAX};
  mutable std::mutex mutex_;
  Percentiles encode_{1 << 16};
  Percentiles decode_{1 << 16};
};

}  // namespace parley::bench

#endif  // PARLEY_BENCH_FRAME_RECORDERS_H
