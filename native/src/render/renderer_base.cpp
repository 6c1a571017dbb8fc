#include "render/renderer_base.h"

#include <exception>

namespace parley::render {
namespace {

bool validI420(const video::VideoFrame& frame) {
  return frame.width > 0 && frame.height > 0 && frame.width % 2 == 0 && frame.height % 2 == 0 &&
         frame.data.size() >= video::VideoFrame::sizeFor(frame.width, frame.height);
}

}  // namespace

RendererBase::RendererBase(Listener* listener, const Clock& clock)
    : clock_(clock), events_(listener) {}

void RendererBase::render(const video::VideoFrame& frame) {
  const int64_t startUs = clock_.nowUs();
  if (!validI420(frame)) {
    events_.frameFailed("invalid I420 frame " + std::to_string(frame.width) + "x" +
                        std::to_string(frame.height) + " with " +
                        std::to_string(frame.data.size()) + " bytes");
    return;
  }
  events_.frameArrived(frame.width, frame.height);
  DrawOutcome outcome;
  try {
    outcome = draw(frame, mode());
  } catch (const std::exception& e) {
    // draw() should not throw; an allocation failure still must not unwind
    // into the pipeline's thread.
    outcome = DrawOutcome::failed(std::string("render failed: ") + e.what());
  }
  switch (outcome.kind) {
    case DrawOutcome::Kind::kDrawn:
      events_.frameDrawn(clock_.nowUs() - startUs);
      break;
    case DrawOutcome::Kind::kNothingToDraw:
      events_.frameNotDrawn();
      break;
    case DrawOutcome::Kind::kFailed:
      events_.frameFailed(outcome.error);
      break;
  }
}

}  // namespace parley::render
