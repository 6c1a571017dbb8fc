#include "bench/call_pair.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "render/pixel_buffer_renderer.h"
#include "render/window_renderer_factory.h"
#include "srtp/sdes_crypto_attribute.h"

namespace parley::bench {
namespace {

// Both calls' SSRCs are fixed so each side knows the other's up front.
struct Ssrcs {
  uint32_t audio;
  uint32_t video;
  uint32_t rtx;
};
constexpr Ssrcs kSideA{0xA0000001, 0xA0000002, 0xA0000003};
constexpr Ssrcs kSideB{0xB0000001, 0xB0000002, 0xB0000003};

// Opus at the pipeline's default rate, with RTP/UDP/IP headers: what a fixed
// video rate adds on top for the session's (then equally fixed) budget.
constexpr int kAudioAllowanceKbps = 50;

call::CallMediaConfig callConfig(const CallHarnessConfig& config, const Ssrcs& local,
                                 const Ssrcs& remote) {
  call::CallMediaConfig call;
  call.audio = config.audio;
  // One-way: B opens no camera and no microphone, so the process does only
  // what a receiver does (B still sends RTCP).
  call.openCamera = local.video == kSideA.video || config.peerSendsVideo;
  call.openMicrophone = call.openCamera;
  call.session.allowPlainRtp = !config.srtp;
  int minKbps = config.minKbps;
  int maxKbps = config.maxKbps;
  int startKbps = config.startKbps;
  if (config.fixedVideoKbps > 0) {
    // No rate control: the session's budget is pinned at the fixed rate.
    minKbps = maxKbps = startKbps = config.fixedVideoKbps + (config.audio ? kAudioAllowanceKbps : 0);
    call.fixedVideoBitrateKbps = config.fixedVideoKbps;
  }
  call.session.sendRate.minBitrateBps = static_cast<uint64_t>(minKbps) * 1000;
  call.session.sendRate.maxBitrateBps = static_cast<uint64_t>(maxKbps) * 1000;
  call.session.sendRate.startBitrateBps = static_cast<uint64_t>(startKbps) * 1000;
  call.session.sessionBandwidthBps = static_cast<double>(maxKbps) * 1000;
  call.audioSsrc = local.audio;
  call.videoSsrc = local.video;
  call.videoRtxSsrc = local.rtx;
  call.remoteAudioSsrc = remote.audio;
  call.remoteVideoSsrc = remote.video;
  call.remoteVideoRtxSsrc = remote.rtx;
  // A speech-like stand-in, not a steady tone: Opus's voice-activity detector
  // files a sine as background noise and then codes no in-band FEC for it.
  call.microphone = audio::AudioInputSpec::voice();
  call.speaker = audio::AudioOutputSpec::null();
  call.camera.kind = kSourceTestPattern;
  call.camera.width = config.width;
  call.camera.height = config.height;
  call.camera.fps = config.fps;
  call.videoSend.encoder.width = config.width;
  call.videoSend.encoder.height = config.height;
  call.videoSend.encoder.fps = config.fps;
  call.videoSend.encoder.bitrateKbps = config.fixedVideoKbps > 0 ? config.fixedVideoKbps : startKbps;
  call.videoSend.encoder.speed = config.encoderSpeed;
  call.videoSend.encoder.threads = config.encoderThreads;
  return call;
}

void generateKeys(const CallHarnessConfig& config, call::CallMediaConfig& a, call::CallMediaConfig& b) {
  if (!config.srtp) return;
  srtp::SrtpMasterKey keyA;
  srtp::SrtpMasterKey keyB;
  if (!srtp::generateSrtpMasterKey(srtp::CryptoSuite::kAesCm128HmacSha1_80, &keyA) ||
      !srtp::generateSrtpMasterKey(srtp::CryptoSuite::kAesCm128HmacSha1_80, &keyB)) {
    throw std::runtime_error("no SRTP keys: the kernel gave no random bytes");
  }
  a.session.localKey = keyA;
  a.session.remoteKey = keyB;
  b.session.localKey = keyB;
  b.session.remoteKey = keyA;
}

// Where B draws A's video: the window, or a pixel buffer at the picture's size.
std::unique_ptr<render::VideoRenderer> forwardTarget(const CallHarnessConfig& config,
                                                     const Clock& clock) {
  if (config.windowHandle != 0) {
    std::string whyNot;
    std::unique_ptr<render::VideoRenderer> window =
        render::createWindowRenderer(config.windowHandle, nullptr, &whyNot);
    if (!window) throw std::runtime_error("window " + std::to_string(config.windowHandle) + ": " + whyNot);
    return window;
  }
  auto buffer = std::make_unique<render::PixelBufferRenderer>(nullptr, clock);
  buffer->setTargetSize(config.width, config.height);
  return buffer;
}

}  // namespace

network::SimulatedNetwork::Config harnessLinkConfig(const CallHarnessConfig& config, uint64_t seed) {
  network::SimulatedNetwork::Config link;
  link.seed = seed;
  if (config.burstLength > 1.0 && config.lossRate > 0) {
    link.burstLoss =
        network::SimulatedNetwork::GilbertElliott::fromLossAndBurst(config.lossRate, config.burstLength);
  } else {
    link.lossRate = config.lossRate;
  }
  link.delayUs = int64_t{config.delayMs} * 1000;
  link.jitterUs = int64_t{config.jitterMs} * 1000;
  link.reorderRate = config.reorderRate;
  link.reorderDelayUs = int64_t{std::max(config.jitterMs, 10)} * 1000;
  link.bandwidthBps = int64_t{config.capKbps} * 1000;
  link.queueLimitBytes = config.queueLimitBytes;
  link.perPacketOverheadBytes = config.perPacketOverheadBytes;
  return link;
}

void CallPair::ReportingListener::onCallMediaTimeout() {
  std::fprintf(stderr, "[%s] media timeout\n", side_);
}
void CallPair::ReportingListener::onCallMediaAudioDeviceError(const std::string& reason) {
  std::fprintf(stderr, "[%s] audio device: %s\n", side_, reason.c_str());
}
void CallPair::ReportingListener::onCallMediaCaptureError(const std::string& reason) {
  std::fprintf(stderr, "[%s] camera: %s\n", side_, reason.c_str());
}

CallPair::CallPair(const CallHarnessConfig& config, SystemClock& clock)
    : transportA_(harnessLinkConfig(config, config.seed * 2 + 1), clock,
                  network::SocketAddress::ipv4Loopback(40000)),
      transportB_(harnessLinkConfig(config, config.seed * 2), clock,
                  network::SocketAddress::ipv4Loopback(40002)) {
  network::SimulatedTransport::connect(transportA_, transportB_);
  forward_ = std::make_unique<VideoDirection>(clock, forwardTarget(config, clock));
  auto reverseBuffer = std::make_unique<render::PixelBufferRenderer>(nullptr, clock);
  reverseBuffer->setTargetSize(config.width, config.height);
  reverse_ = std::make_unique<VideoDirection>(clock, std::move(reverseBuffer));

  call::CallMediaConfig configA = callConfig(config, kSideA, kSideB);
  call::CallMediaConfig configB = callConfig(config, kSideB, kSideA);
  generateKeys(config, configA, configB);
  configA.videoSendObserver = &forward_->codec;
  configB.videoReceiveObserver = &forward_->codec;
  configB.videoSendObserver = &reverse_->codec;
  configA.videoReceiveObserver = &reverse_->codec;
  if (config.adjust) {
    config.adjust('A', configA);
    config.adjust('B', configB);
  }
  a_ = std::make_unique<call::CallMediaPipeline>(configA, transportA_, clock, listenerA_);
  b_ = std::make_unique<call::CallMediaPipeline>(configB, transportB_, clock, listenerB_);
  a_->setLocalRenderer(&forward_->capture);
  b_->setRemoteRenderer(&forward_->stamps);
  b_->setLocalRenderer(&reverse_->capture);
  a_->setRemoteRenderer(&reverse_->stamps);
  if (!config.peerSendsVideo) b_->setVideoSending(false);  // (and B has no camera: see callConfig)
}

CallPair::~CallPair() { stop(); }

bool CallPair::start(std::string* error) {
  if (!b_->start(error)) {
    *error = "side B: " + *error;
    return false;
  }
  if (!a_->start(error)) {
    b_->stop();
    *error = "side A: " + *error;
    return false;
  }
  return true;
}

void CallPair::stop() {
  a_->stop();
  b_->stop();
  transportA_.stop();
  transportB_.stop();
}

}  // namespace parley::bench
