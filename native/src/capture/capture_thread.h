// Runs a VideoSource on its own thread and hands its frames to a listener.
#ifndef PARLEY_CAPTURE_CAPTURE_THREAD_H
#define PARLEY_CAPTURE_CAPTURE_THREAD_H

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "capture/video_source.h"
#include "video/video_frame.h"

namespace parley::capture {

// Owns a VideoSource and the thread that reads it.
//
// Live sources (cameras) are read back to back: the device sets the pace.
// Synthetic sources (test pattern, files) are read at format().fps on the
// real (steady) clock: frame n is due at start + n / fps, so sleeping never
// accumulates drift; if the thread falls more than a frame behind (a slow
// listener), the schedule restarts from now instead of bursting to catch up.
//
// Frames and errors go to the Listener on the capture thread. After a failed
// read the thread calls onCaptureError once and stops reading (the source is
// dead; make a new one to retry, e.g. when the camera comes back).
//
// stop() returns within about stopTimeout plus the time the listener takes to
// return from a callback in progress, however long the source's read() blocks:
// a camera read cannot be interrupted portably (OpenCV's V4L2 backend waits up
// to its select timeout, 10 s by default), so if the thread has not finished
// within stopTimeout it is detached. It keeps the source (it shares ownership
// of it) and exits, destroying the source, as soon as that read returns,
// without calling the listener again. Hence: the source and anything it
// refers to (its Clock) must outlive such a detached read; SystemClock does.
//
// After stop() returns, the listener is never called again. Listener
// callbacks must return promptly and may call stop() (it then only asks the
// thread to end). Other methods: one thread at a time.
class CaptureThread {
 public:
  // Receives what the capture thread produces. Both calls arrive on the
  // capture thread; frames are immutable and may be kept.
  class Listener {
   public:
    virtual ~Listener() = default;
    virtual void onCaptureFrame(video::VideoFramePtr frame) = 0;
    // The source failed (camera unplugged, file gone); no more frames follow.
    virtual void onCaptureError(const std::string& reason) = 0;
  };

  static constexpr std::chrono::milliseconds kDefaultStopTimeout{500};

  // `source` must not be null. The listener must outlive stop().
  CaptureThread(std::unique_ptr<VideoSource> source, Listener& listener,
                std::chrono::milliseconds stopTimeout = kDefaultStopTimeout);
  // Stops (see stop()).
  ~CaptureThread();
  CaptureThread(const CaptureThread&) = delete;
  CaptureThread& operator=(const CaptureThread&) = delete;

  // Starts the thread; returns false if it was already started (a stopped
  // CaptureThread cannot be restarted: make a new one).
  bool start();
  // Ends the thread and returns true when it finished within the timeout,
  // false when it had to be detached in the middle of a read (see above).
  // Safe to call more than once, before start(), and from a callback.
  bool stop();

  // The source's format and description as they were when it was handed over
  // (safe from any thread, since the source itself belongs to the thread).
  const VideoFormat& format() const { return format_; }
  const std::string& description() const { return description_; }
  bool live() const { return live_; }
  // Frames handed to the listener so far (any thread).
  int64_t framesCaptured() const;

 private:
  struct Shared;
  static void run(const std::shared_ptr<Shared>& shared);

  std::shared_ptr<Shared> shared_;
  std::thread thread_;
  std::chrono::milliseconds stopTimeout_;
  VideoFormat format_;
  std::string description_;
  bool live_;
  bool started_ = false;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_CAPTURE_THREAD_H
