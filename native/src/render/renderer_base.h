// What every concrete renderer shares: frame validation, mode, timing,
// events and counters. Subclasses only draw.
#ifndef PARLEY_RENDER_RENDERER_BASE_H
#define PARLEY_RENDER_RENDERER_BASE_H

#include <atomic>
#include <string>
#include <utility>

#include "common/clock.h"
#include "render/renderer_events.h"
#include "render/video_renderer.h"

namespace parley::render {

// Implements VideoRenderer around one hook, draw(). render() checks the frame,
// raises the size event, calls draw() with the current mode, times it and
// turns its outcome into events and counters (RendererEvents). Threading is
// VideoRenderer's: draw() runs on the render thread only.
class RendererBase : public VideoRenderer {
 public:
  void render(const video::VideoFrame& frame) final;
  void setMode(RenderMode mode) final { mode_.store(mode); }
  RenderMode mode() const final { return mode_.load(); }
  RenderStats stats() const final { return events_.stats(); }
  // Any thread (applied when the next frame arrives).
  void resetEvents() final { events_.requestReset(); }

 protected:
  // `listener` may be null; `clock` times render() and must outlive this.
  RendererBase(Listener* listener, const Clock& clock);

  // What happened to one frame in draw().
  struct DrawOutcome {
    enum class Kind { kDrawn, kNothingToDraw, kFailed };
    Kind kind = Kind::kDrawn;
    std::string error;  // kFailed only: what went wrong, for onRendererError

    static DrawOutcome drawn() { return {Kind::kDrawn, {}}; }
    static DrawOutcome nothingToDraw() { return {Kind::kNothingToDraw, {}}; }
    static DrawOutcome failed(std::string message) { return {Kind::kFailed, std::move(message)}; }
  };

  // Draws a valid packed I420 frame in `mode` into the target. Returns
  // kNothingToDraw for a zero-size target. Must not throw.
  virtual DrawOutcome draw(const video::VideoFrame& frame, RenderMode mode) = 0;

 private:
  const Clock& clock_;
  std::atomic<RenderMode> mode_{RenderMode::kFullContent};
  RendererEvents events_;
};

}  // namespace parley::render

#endif  // PARLEY_RENDER_RENDERER_BASE_H
