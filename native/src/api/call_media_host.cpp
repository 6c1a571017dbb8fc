#include "api/call_media_host.h"

#include <algorithm>
#include <stdexcept>

#include "api/audio_device_specs.h"
#include "render/window_renderer_factory.h"
#include "srtp/sdes_crypto_attribute.h"

namespace parley::api {
namespace {

std::optional<srtp::SrtpMasterKey> keyFrom(const std::string& attribute, const char* which) {
  if (attribute.empty()) return std::nullopt;
  // Accept the attribute's value (what newSdesCryptoAttribute gives) or the whole line.
  const bool whole = attribute.rfind("a=crypto:", 0) == 0 || attribute.rfind("crypto:", 0) == 0;
  srtp::SdesCryptoAttribute parsed;
  const srtp::SdesParseError error =
      srtp::parseSdesCryptoAttribute(whole ? attribute : "crypto:" + attribute, &parsed);
  if (error != srtp::SdesParseError::kOk) {
    throw std::invalid_argument(std::string(which) + " a=crypto is not valid (" +
                                srtp::sdesParseErrorName(error) + ")");
  }
  return parsed.key;
}

uint32_t ssrcFrom(int64_t value, const char* which) {
  if (value < 0 || value > 0xFFFFFFFFLL) {
    throw std::invalid_argument(std::string(which) + " is not a 32-bit SSRC");
  }
  return static_cast<uint32_t>(value);
}

uint8_t payloadTypeFrom(int value, const char* which) {
  if (value < 0 || value > 127) throw std::invalid_argument(std::string(which) + " is not 0..127");
  return static_cast<uint8_t>(value);
}

}  // namespace

void checkVideoSourceConfig(const VideoSourceConfig& source) {
  if (source.kind != kSourceCamera && source.kind != kSourceTestPattern &&
      source.kind != kSourceFile) {
    throw std::invalid_argument("camera kind " + std::to_string(source.kind) + " is not known");
  }
  // Cameras and files may deliver another size; what is asked must still make sense.
  if (source.width < 16 || source.width > 7680 || source.height < 16 || source.height > 4320) {
    throw std::invalid_argument("camera size " + std::to_string(source.width) + "x" +
                                std::to_string(source.height) + " is not 16x16..7680x4320");
  }
  if (source.fps < 1 || source.fps > 240) {
    throw std::invalid_argument("camera fps " + std::to_string(source.fps) + " is not 1..240");
  }
  if (source.kind == kSourceFile && source.filePath.empty()) {
    throw std::invalid_argument("camera filePath is empty for a file source");
  }
}

call::CallMediaConfig callMediaConfigFrom(const CallMediaSettings& settings) {
  call::CallMediaConfig config;
  config.audio = settings.audio;
  config.video = settings.video;
  config.session.cname = settings.cname.empty() ? "parley" : settings.cname;
  config.session.localKey = keyFrom(settings.localCrypto, "local");
  config.session.remoteKey = keyFrom(settings.remoteCrypto, "remote");
  config.session.allowPlainRtp = settings.allowPlainRtp;
  if (settings.mediaTimeoutMs <= 0) throw std::invalid_argument("mediaTimeoutMs must be positive");
  config.session.mediaTimeoutMs = settings.mediaTimeoutMs;
  if (settings.minBitrateKbps <= 0 || settings.maxBitrateKbps < settings.minBitrateKbps) {
    throw std::invalid_argument("bitrate floor and ceiling: 0 < min <= max expected");
  }
  config.session.sendRate.minBitrateBps = static_cast<uint64_t>(settings.minBitrateKbps) * 1000;
  config.session.sendRate.maxBitrateBps = static_cast<uint64_t>(settings.maxBitrateKbps) * 1000;
  config.session.sendRate.startBitrateBps = static_cast<uint64_t>(std::clamp(
                                                settings.startBitrateKbps, settings.minBitrateKbps,
                                                settings.maxBitrateKbps)) *
                                            1000;
  config.session.sessionBandwidthBps = static_cast<double>(config.session.sendRate.maxBitrateBps);
  config.audioPayloadType = payloadTypeFrom(settings.audioPayloadType, "audioPayloadType");
  config.videoPayloadType = payloadTypeFrom(settings.videoPayloadType, "videoPayloadType");
  config.videoRtxPayloadType = payloadTypeFrom(settings.videoRtxPayloadType, "videoRtxPayloadType");
  config.remoteAudioSsrc = ssrcFrom(settings.remoteAudioSsrc, "remoteAudioSsrc");
  config.remoteVideoSsrc = ssrcFrom(settings.remoteVideoSsrc, "remoteVideoSsrc");
  config.microphone = microphoneSpec(settings.microphone);
  config.speaker = speakerSpec(settings.speaker);
  config.audioSend.bitrateBps = settings.opusBitrateBps;
  config.audioSend.dtx = settings.opusDtx;
  config.audioSend.complexity = settings.opusComplexity;
  config.echo = settings.echo;
  config.openMicrophone = !settings.echo;
  config.openCamera = !settings.echo;
  config.camera = settings.camera;
  config.videoSend.encoder.width = settings.camera.width;
  config.videoSend.encoder.height = settings.camera.height;
  config.videoSend.encoder.fps = settings.camera.fps;
  config.videoSend.encoder.bitrateKbps = settings.startBitrateKbps;
  return config;
}

CallMediaHost::CallMediaHost(int64_t id, const CallMediaSettings& settings, EventQueue& events,
                             Clock& clock)
    : id_(id), events_(events), clock_(clock) {
  call::CallMediaConfig config = callMediaConfigFrom(settings);
  network::UdpTransport::Config transportConfig;
  const std::optional<network::SocketAddress> bind =
      network::SocketAddress::parse(settings.bindAddress);
  if (!bind) throw std::invalid_argument("bindAddress '" + settings.bindAddress + "' is not an IP address");
  if (settings.minPort < 0 || settings.maxPort > 65535 || settings.minPort > settings.maxPort) {
    throw std::invalid_argument("port range: 0 <= minPort <= maxPort <= 65535 expected");
  }
  transportConfig.bindAddress = *bind;
  transportConfig.minPort = static_cast<uint16_t>(settings.minPort);
  transportConfig.maxPort = static_cast<uint16_t>(settings.maxPort);
  transport_ = std::make_unique<network::UdpTransport>(transportConfig, clock_);
  std::string error;
  if (!transport_->open(&error)) throw std::runtime_error("media socket: " + error);
  if (!settings.remoteAddress.empty()) {
    const std::optional<network::SocketAddress> remote =
        network::SocketAddress::parse(settings.remoteAddress);
    if (!remote || settings.remotePort <= 0 || settings.remotePort > 65535) {
      throw std::invalid_argument("remote media address '" + settings.remoteAddress + "' port " +
                                  std::to_string(settings.remotePort) + " is not valid");
    }
    setRemote(remote->withPort(static_cast<uint16_t>(settings.remotePort)));
  }
  network::UdpTransport* transport = transport_.get();
  config.session.latchRemote = [transport](const network::SocketAddress& from) {
    return transport->latchRemote(from);
  };
  pipeline_ = std::make_unique<call::CallMediaPipeline>(
      config, *transport_, clock_, static_cast<call::CallMediaPipeline::Listener&>(*this));
  for (size_t i = 0; i < views_.size(); ++i) {
    views_[i].host = this;
    views_[i].index = static_cast<int>(i);
  }
}

CallMediaHost::~CallMediaHost() { stop(); }

void CallMediaHost::setRemote(const network::SocketAddress& remote) { transport_->setRemote(remote); }

void CallMediaHost::start() {
  if (started_) throw std::runtime_error("the call media is already started");
  if (!transport_->remote()) throw std::runtime_error("the peer's media address is not known yet");
  std::string error;
  if (!pipeline_->start(&error)) throw std::runtime_error(error);
  started_ = true;
}

void CallMediaHost::setRemoteCrypto(const std::string& remoteCrypto) {
  if (started_) throw std::logic_error("setRemoteCrypto: the call media is already started");
  pipeline_->setRemoteKey(keyFrom(remoteCrypto, "remote"));
}

void CallMediaHost::setRemoteSsrcs(int64_t audioSsrc, int64_t videoSsrc) {
  if (started_) throw std::logic_error("setRemoteSsrcs: the call media is already started");
  pipeline_->setRemoteSsrcs(ssrcFrom(audioSsrc, "remote audio SSRC"),
                            ssrcFrom(videoSsrc, "remote video SSRC"));
}

void CallMediaHost::switchCamera(const VideoSourceConfig& source) {
  checkVideoSourceConfig(source);
  pipeline_->switchCamera(source);
}

void CallMediaHost::stop() {
  pipeline_->stop();
  std::lock_guard<std::mutex> lock(viewsMutex_);
  for (int i = 0; i < 2; ++i) attach(i, nullptr);
  for (View& v : views_) {
    v.pixelBuffer = nullptr;
    v.renderer.reset();
  }
}

CallMediaHost::View& CallMediaHost::view(int index) {
  if (index != kCallViewSelf && index != kCallViewOther) {
    throw std::invalid_argument("unknown video view " + std::to_string(index));
  }
  return views_[static_cast<size_t>(index)];
}

void CallMediaHost::attach(int index, render::VideoRenderer* renderer) {
  if (index == kCallViewSelf) {
    pipeline_->setLocalRenderer(renderer);
  } else {
    pipeline_->setRemoteRenderer(renderer);
  }
}

void CallMediaHost::startView(int index, uint64_t windowHandle, render::RenderMode mode) {
  std::lock_guard<std::mutex> lock(viewsMutex_);
  View& v = view(index);
  std::unique_ptr<render::VideoRenderer> renderer;
  render::PixelBufferRenderer* pixelBuffer = nullptr;
  if (windowHandle == 0) {
    auto buffer = std::make_unique<render::PixelBufferRenderer>(&v, clock_);
    pixelBuffer = buffer.get();
    renderer = std::move(buffer);
  } else {
    std::string whyNot;
    renderer = render::createWindowRenderer(windowHandle, &v, &whyNot);
    if (!renderer) throw std::runtime_error(whyNot);
  }
  renderer->setMode(mode);
  attach(index, renderer.get());  // the old renderer is no longer used once this returns
  v.renderer = std::move(renderer);
  v.pixelBuffer = pixelBuffer;
  v.lastCopiedVersion = 0;
}

void CallMediaHost::stopView(int index) {
  std::lock_guard<std::mutex> lock(viewsMutex_);
  View& v = view(index);
  attach(index, nullptr);
  v.pixelBuffer = nullptr;
  v.renderer.reset();
}

void CallMediaHost::setPixelBufferSize(int index, int width, int height) {
  std::lock_guard<std::mutex> lock(viewsMutex_);
  View& v = view(index);
  if (v.pixelBuffer != nullptr) v.pixelBuffer->setTargetSize(width, height);
}

int CallMediaHost::copyPixels(int index, uint8_t* bgra, int capacity) {
  std::lock_guard<std::mutex> lock(viewsMutex_);
  View& v = view(index);
  if (v.pixelBuffer == nullptr) return kErrorInvalidArgument;
  const render::PixelBufferRenderer::PictureInfo info = v.pixelBuffer->pictureInfo();
  if (info.version == 0 || info.version == v.lastCopiedVersion) return 0;
  render::PixelBufferRenderer::PictureInfo copied;
  const int bytes = v.pixelBuffer->copyPixels(bgra, capacity, &copied);
  if (bytes <= 0) return capacity < copied.byteSize() ? kErrorBufferTooSmall : 0;
  v.lastCopiedVersion = copied.version;
  return bytes;
}

void CallMediaHost::post(int type, int value, const std::string& message, int width, int height) {
  events_.post(type, id_, width, height, value, message);
}

void CallMediaHost::View::onRendererFirstFrame(int width, int height) {
  host->post(kEventFirstFrameRendered, index, "", width, height);
}

void CallMediaHost::View::onRendererVideoSizeChanged(int width, int height) {
  host->post(kEventVideoSizeChanged, index, "", width, height);
}

void CallMediaHost::View::onRendererError(const std::string& message) {
  host->post(kEventRenderError, index, message);
}

void CallMediaHost::onCallMediaTimeout() { post(kEventMediaTimeout, 0, "no media from the peer"); }

void CallMediaHost::onCallMediaRemoteBye(uint32_t ssrc) {
  post(kEventRemoteBye, static_cast<int>(ssrc), "");
}

void CallMediaHost::onCallMediaAudioDeviceLost(const std::string& name, const std::string& reason) {
  post(kEventAudioDeviceLost, 0, name + ": " + reason);
}

void CallMediaHost::onCallMediaAudioDeviceSwitched(const std::string& from, const std::string& to) {
  post(kEventAudioDeviceSwitched, 0, from + " -> " + to);
}

void CallMediaHost::onCallMediaAudioDeviceError(const std::string& reason) {
  post(kEventAudioDeviceError, 0, reason);
}

void CallMediaHost::onCallMediaCaptureError(const std::string& reason) {
  post(kEventCaptureError, 0, reason);
}

}  // namespace parley::api
