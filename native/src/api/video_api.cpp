// Facade: events, cameras, window handles, previews and test-pattern stamps
// of parley.h, forwarding to native/src/{api,capture,platform,pipeline}.
#include <libyuv.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "api/event_queue.h"
#include "capture/camera_enumerator.h"
#include "capture/frame_stamp.h"
#include "common/clock.h"
#include "parley/parley.h"
#include "pipeline/video_preview_pipeline.h"
#include "platform/window_handle.h"
#include "api/facade_codes.h"
#include "render/render_mode.h"

namespace parley {
namespace {

std::atomic<int64_t> nextObjectId{1};

}  // namespace

bool waitEvent(Event& event, int timeoutMs) { return api::EventQueue::global().wait(event, timeoutMs); }

void interruptEventWait() { api::EventQueue::global().close(); }

void resumeEventWait() { api::EventQueue::global().reopen(); }

CameraList::CameraList()
    : cameras_(std::make_unique<std::vector<capture::CameraInfo>>(capture::CameraEnumerator::list())) {}
CameraList::~CameraList() = default;
int CameraList::size() const { return static_cast<int>(cameras_->size()); }
int CameraList::id(int index) const { return cameras_->at(static_cast<size_t>(index)).id; }
std::string CameraList::name(int index) const { return cameras_->at(static_cast<size_t>(index)).name; }
std::string CameraList::path(int index) const { return cameras_->at(static_cast<size_t>(index)).path; }

int64_t windowHandleOf(JNIEnv* env, jclass /*caller*/, jobject component) {
  std::string error;
  const int64_t handle = platform::nativeWindowHandle(env, component, error);
  if (handle == 0) {
    throw std::runtime_error(error);
  }
  return handle;
}

VideoPreview::VideoPreview()
    : impl_(std::make_unique<pipeline::VideoPreviewPipeline>(
          nextObjectId.fetch_add(1), api::EventQueue::global(), SystemClock::instance())) {}
VideoPreview::~VideoPreview() = default;
int64_t VideoPreview::id() const { return impl_->id(); }
void VideoPreview::start(const VideoSourceConfig& source, int64_t windowHandle, int renderMode) {
  impl_->start(source, static_cast<uint64_t>(windowHandle),
               api::renderModeFromCode(renderMode));
}
void VideoPreview::switchSource(const VideoSourceConfig& source) { impl_->switchSource(source); }
void VideoPreview::setRenderMode(int renderMode) {
  impl_->setRenderMode(api::renderModeFromCode(renderMode));
}
void VideoPreview::setPixelBufferSize(int width, int height) {
  impl_->setPixelBufferSize(width, height);
}
int VideoPreview::copyPixels(uint8_t* bgra, int capacity) { return impl_->copyPixels(bgra, capacity); }
int64_t VideoPreview::framesCaptured() const { return impl_->framesCaptured(); }
int64_t VideoPreview::framesRendered() const { return impl_->framesRendered(); }
void VideoPreview::stop() { impl_->stop(); }

TestPatternStamp readTestPatternStamp(const uint8_t* bgra, int width, int height, int strideBytes) {
  TestPatternStamp result;
  if (bgra == nullptr || width <= 0 || height <= 0 || strideBytes < width * 4) {
    return result;
  }
  // Luma of the screenshot (BT.601 limited range, as the pattern was made).
  std::vector<uint8_t> luma(static_cast<size_t>(width) * height);
  libyuv::ARGBToI400(bgra, strideBytes, luma.data(), width, width, height);
  // The stamp's layout depends on the size the pattern was made at, and a
  // window shows it scaled: try the common capture widths with this picture's
  // shape, reading a copy rescaled to each.
  static const int kWidths[] = {160, 176, 320, 352, 480, 640, 800, 960, 1024, 1280, 1440, 1600, 1920};
  std::vector<uint8_t> scaled;
  for (int original : kWidths) {
    const int originalHeight = static_cast<int>((static_cast<int64_t>(original) * height / width) & ~1);
    if (originalHeight < capture::FrameStamp::kMinHeight) {
      continue;
    }
    const uint8_t* plane = luma.data();
    if (original != width || originalHeight != height) {
      scaled.resize(static_cast<size_t>(original) * originalHeight);
      libyuv::ScalePlane(luma.data(), width, width, height, scaled.data(), original, original,
                         originalHeight, libyuv::kFilterBilinear);
      plane = scaled.data();
    }
    const std::optional<capture::FrameStampValue> value =
        capture::FrameStamp::read(plane, original, original, originalHeight);
    if (value) {
      result.valid = true;
      result.sequence = value->sequence;
      result.captureTimeMs = static_cast<int64_t>(value->captureTimeMs);
      return result;
    }
  }
  return result;
}

}  // namespace parley
