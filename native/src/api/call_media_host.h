// What stands behind the facade's parley::CallMedia: the UDP transport, the
// call's media pipeline, the two video views, and the translation of the
// pipeline's events into the SDK's event queue.
#ifndef PARLEY_API_CALL_MEDIA_HOST_H
#define PARLEY_API_CALL_MEDIA_HOST_H

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "api/event_queue.h"
#include "call/call_media_pipeline.h"
#include "common/clock.h"
#include "network/udp_transport.h"
#include "parley/parley.h"
#include "render/pixel_buffer_renderer.h"
#include "render/render_mode.h"
#include "render/video_renderer.h"

namespace parley::api {

// Turns the facade's settings into a call::CallMediaConfig (throws
// std::invalid_argument naming the bad setting).
call::CallMediaConfig callMediaConfigFrom(const CallMediaSettings& settings);

// Checks a camera config (kind, size, rate); throws std::invalid_argument
// naming the bad field.
void checkVideoSourceConfig(const VideoSourceConfig& source);

class CallMediaHost final : private call::CallMediaPipeline::Listener {
 public:
  // Binds the socket; throws std::runtime_error with the reason.
  CallMediaHost(int64_t id, const CallMediaSettings& settings, EventQueue& events, Clock& clock);
  ~CallMediaHost() override;

  int64_t id() const { return id_; }
  network::UdpTransport& transport() { return *transport_; }
  void setRemote(const network::SocketAddress& remote);
  void start();  // throws std::runtime_error
  void stop();

  // Before start() only (std::logic_error after); std::invalid_argument for
  // a malformed value.
  void setRemoteCrypto(const std::string& remoteCrypto);
  void setRemoteSsrcs(int64_t audioSsrc, int64_t videoSsrc);
  // std::invalid_argument for a malformed config; a source that cannot be
  // opened raises kEventCaptureError.
  void switchCamera(const VideoSourceConfig& source);

  void startView(int view, uint64_t windowHandle, render::RenderMode mode);
  void stopView(int view);
  void setPixelBufferSize(int view, int width, int height);
  int copyPixels(int view, uint8_t* bgra, int capacity);

  call::CallMediaPipeline& pipeline() { return *pipeline_; }
  const call::CallMediaPipeline& pipeline() const { return *pipeline_; }

 private:
  // One drawing target (self or other) and the events of its renderer.
  struct View final : render::VideoRenderer::Listener {
    CallMediaHost* host = nullptr;
    int index = 0;
    std::unique_ptr<render::VideoRenderer> renderer;
    render::PixelBufferRenderer* pixelBuffer = nullptr;
    int64_t lastCopiedVersion = 0;
    void onRendererFirstFrame(int width, int height) override;
    void onRendererVideoSizeChanged(int width, int height) override;
    void onRendererError(const std::string& message) override;
  };

  View& view(int index);
  void attach(int index, render::VideoRenderer* renderer);
  void post(int type, int value, const std::string& message, int width = 0, int height = 0);

  // call::CallMediaPipeline::Listener (native threads)
  void onCallMediaTimeout() override;
  void onCallMediaRemoteBye(uint32_t ssrc) override;
  void onCallMediaAudioDeviceLost(const std::string& name, const std::string& reason) override;
  void onCallMediaAudioDeviceSwitched(const std::string& from, const std::string& to) override;
  void onCallMediaAudioDeviceError(const std::string& reason) override;
  void onCallMediaCaptureError(const std::string& reason) override;

  const int64_t id_;
  EventQueue& events_;
  Clock& clock_;
  std::unique_ptr<network::UdpTransport> transport_;
  std::unique_ptr<call::CallMediaPipeline> pipeline_;
  std::mutex viewsMutex_;  // start/stop/copy of views
  std::array<View, 2> views_;
  bool started_ = false;
};

}  // namespace parley::api

#endif  // PARLEY_API_CALL_MEDIA_HOST_H
