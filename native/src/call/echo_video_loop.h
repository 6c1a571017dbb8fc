// Echo mode's video: the pictures decoded from the peer go back to it.
#ifndef PARLEY_CALL_ECHO_VIDEO_LOOP_H
#define PARLEY_CALL_ECHO_VIDEO_LOOP_H

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "common/clock.h"
#include "render/video_renderer.h"
#include "video/video_frame.h"

namespace parley::call {

// Stands where the receive stream draws: every decoded picture is drawn into
// the target renderer (the other view, if any) and copied into a one-picture
// mailbox; the loop's own thread takes the newest picture, stamps it as
// captured now (injected clock) with its own running frame number, and hands
// it to the Listener, which sends it as our video. The decode thread thus
// never waits for the encoder; when the encoder is slower than the decoder,
// older pictures are replaced (counted as dropped), never queued.
//
// Threads: render() from one render thread; setTarget(), start(), stop() and
// the VideoRenderer getters from any thread. The listener runs on the loop's
// thread, must not call stop(), and is not called once stop() returns.
class EchoVideoLoop final : public render::VideoRenderer {
 public:
  class Listener {
   public:
    virtual ~Listener() = default;
    virtual void onEchoVideoFrame(video::VideoFramePtr frame) = 0;
  };

  EchoVideoLoop(const Clock& clock, Listener& listener);
  ~EchoVideoLoop() override;  // stops
  EchoVideoLoop(const EchoVideoLoop&) = delete;
  EchoVideoLoop& operator=(const EchoVideoLoop&) = delete;

  // Starts the loop's thread (once; false when already started or stopped).
  bool start();
  // Joins the thread; later pictures are still drawn into the target but
  // no longer sent. Safe to call twice.
  void stop();
  // Where pictures are drawn (null: nowhere). Blocks while a picture is being
  // drawn, so the old target is not touched once it returns.
  void setTarget(render::VideoRenderer* target);

  // render::VideoRenderer
  void render(const video::VideoFrame& frame) override;
  void setMode(render::RenderMode mode) override;
  render::RenderMode mode() const override;
  // framesRendered: pictures handed to the listener; framesNotDrawn: pictures
  // replaced in the mailbox before the loop took them.
  render::RenderStats stats() const override;
  void resetEvents() override {}

 private:
  void run();

  const Clock& clock_;
  Listener& listener_;

  std::mutex targetMutex_;  // held while drawing into target_
  render::VideoRenderer* target_ = nullptr;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::shared_ptr<video::VideoFrame> pending_;  // under mutex_
  bool running_ = false;                        // under mutex_
  bool stopped_ = false;                        // under mutex_
  render::RenderMode mode_ = render::RenderMode::kFullContent;  // under mutex_
  render::RenderStats stats_;                   // under mutex_
  int64_t nextSequence_ = 0;                    // loop thread
  std::thread thread_;
};

}  // namespace parley::call

#endif  // PARLEY_CALL_ECHO_VIDEO_LOOP_H
