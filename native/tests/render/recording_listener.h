// Test support: a VideoRenderer::Listener that records every event.
#ifndef PARLEY_TESTS_RENDER_RECORDING_LISTENER_H
#define PARLEY_TESTS_RENDER_RECORDING_LISTENER_H

#include <mutex>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "render/video_renderer.h"

namespace parley::test {

class RecordingListener : public render::VideoRenderer::Listener {
 public:
  struct Size {
    int width, height;
    bool operator==(const Size& o) const { return width == o.width && height == o.height; }
  };

  void onRendererFirstFrame(int width, int height) override {
    std::lock_guard<std::mutex> lock(mutex_);
    firstFrames_.push_back({width, height});
    order_.push_back("first-frame");
  }
  void onRendererVideoSizeChanged(int width, int height) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sizes_.push_back({width, height});
    order_.push_back("size-changed");
  }
  void onRendererError(const std::string& message) override {
    std::lock_guard<std::mutex> lock(mutex_);
    errors_.push_back(message);
    order_.push_back("error");
  }

  std::vector<Size> firstFrames() const { return locked(firstFrames_); }
  std::vector<Size> sizes() const { return locked(sizes_); }
  std::vector<std::string> errors() const { return locked(errors_); }
  std::vector<std::string> order() const { return locked(order_); }

 private:
  template <typename T>
  T locked(const T& value) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return value;
  }

  mutable std::mutex mutex_;
  std::vector<Size> firstFrames_;
  std::vector<Size> sizes_;
  std::vector<std::string> errors_;
  std::vector<std::string> order_;
};

inline std::ostream& operator<<(std::ostream& out, const RecordingListener::Size& s) {
  return out << s.width << "x" << s.height;
}

}  // namespace parley::test

#endif  // PARLEY_TESTS_RENDER_RECORDING_LISTENER_H
