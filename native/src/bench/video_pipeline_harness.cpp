#include "bench/video_pipeline_harness.h"

#include <array>
#include <cstdio>
#include <mutex>
#include <chrono>
#include <thread>

#include "bench/cpu_usage.h"
#include "bench/percentiles.h"
#include "capture/capture_thread.h"
#include "capture/frame_stamp.h"
#include "capture/test_pattern_source.h"
#include "codec/vp8_decoder.h"
#include "codec/vp8_encoder.h"
#include "common/clock.h"
#include "pipeline/video_receive_stream.h"
#include "pipeline/video_send_stream.h"
#include "render/pixel_buffer_renderer.h"

namespace parley::bench {
namespace {

Vp8EncoderConfig encoderConfig(const VideoHarnessConfig& config) {
  Vp8EncoderConfig encoder;
  encoder.width = config.width;
  encoder.height = config.height;
  encoder.fps = config.fps;
  encoder.bitrateKbps = config.bitrateKbps;
  encoder.speed = config.speed;
  encoder.threads = config.threads;
  return encoder;
}

std::unique_ptr<capture::TestPatternSource> makePattern(const VideoHarnessConfig& config,
                                                        const Clock& clock) {
  capture::TestPatternConfig pattern;
  pattern.width = config.width;
  pattern.height = config.height;
  pattern.fps = config.fps;
  std::string error;
  auto source = capture::TestPatternSource::create(pattern, clock, error);
  if (!source) {
    throw std::runtime_error("test pattern: " + error);
  }
  return source;
}

// Everything the harness wires together for one loopback run.
class Loopback final : public pipeline::RtpPacketSink,
                       public pipeline::VideoFeedbackSink,
                       public capture::CaptureThread::Listener,
                       public pipeline::VideoSendStream::Observer,
                       public pipeline::VideoReceiveStream::Observer {
 public:
  explicit Loopback(const VideoHarnessConfig& config)
      : clock_(SystemClock::instance()),
        renderer_(nullptr, clock_),
        send_(sendConfig(config), *this, clock_, this),
        receive_(pipeline::VideoReceiveStreamConfig(), &renderer_, this, clock_, this) {
    renderer_.setTargetSize(config.width, config.height);
  }

  static pipeline::VideoSendStreamConfig sendConfig(const VideoHarnessConfig& config) {
    pipeline::VideoSendStreamConfig send;
    send.encoder = encoderConfig(config);
    send.rtp.ssrc = 0x5A5A0001;
    return send;
  }

  pipeline::VideoSendStream& send() { return send_; }
  pipeline::VideoReceiveStream& receive() { return receive_; }

  // RtpPacketSink: no network in between.
  void sendRtpPacket(const uint8_t* data, size_t size) override {
    receive_.receiveRtpPacket(data, size);
  }
  // VideoFeedbackSink: nothing is lost on a loopback, but a decoder error
  // still gets its keyframe.
  void sendNack(uint32_t, const std::vector<uint16_t>&) override {}
  void sendPli(uint32_t) override { send_.requestKeyframe(); }

  // CaptureThread::Listener: the capture thread encodes and sends.
  void onCaptureFrame(video::VideoFramePtr frame) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      captureTimes_[static_cast<size_t>(frame->sourceSequence) % captureTimes_.size()] =
          frame->captureTimeUs;
      ++captured_;
    }
    send_.sendFrame(*frame);
  }
  void onCaptureError(const std::string& reason) override {
    std::fprintf(stderr, "capture failed: %s\n", reason.c_str());
  }

  void onVideoSendStreamEncoded(const video::VideoFrame&, int64_t encodeUs, size_t, bool) override {
    std::lock_guard<std::mutex> lock(mutex_);
    encode_.add(static_cast<double>(encodeUs) / 1000.0);
  }

  void onVideoReceiveStreamRendered(const video::VideoFrame& frame, int64_t decodeUs) override {
    const int64_t renderedUs = clock_.nowUs();
    const std::optional<capture::FrameStampValue> stamp = capture::FrameStamp::read(frame);
    const int64_t renderUs = renderer_.stats().lastRenderDurationUs;
    std::lock_guard<std::mutex> lock(mutex_);
    decode_.add(static_cast<double>(decodeUs) / 1000.0);
    render_.add(static_cast<double>(renderUs) / 1000.0);
    ++rendered_;
    if (!stamp) {
      ++unreadable_;
      return;
    }
    const int64_t sequence = stamp->sequence;
    if (sequence == lastSequence_) {
      ++repeated_;
      return;
    }
    if (sequence < lastSequence_) {
      ++outOfOrder_;
    }
    lastSequence_ = sequence;
    ++unique_;
    const int64_t capturedUs = captureTimes_[static_cast<size_t>(sequence) % captureTimes_.size()];
    latency_.add(static_cast<double>(renderedUs - capturedUs) / 1000.0);
  }

  void fill(VideoHarnessResult& result) {
    std::lock_guard<std::mutex> lock(mutex_);
    result.framesCaptured = captured_;
    result.framesRendered = rendered_;
    result.framesMissing = captured_ - unique_;
    result.framesRepeated = repeated_;
    result.framesOutOfOrder = outOfOrder_;
    result.stampsUnreadable = unreadable_;
    result.latencyP50Ms = latency_.percentile(50);
    result.latencyP95Ms = latency_.percentile(95);
    result.latencyP99Ms = latency_.percentile(99);
    result.latencyMaxMs = latency_.max();
    result.encodeP50Ms = encode_.percentile(50);
    result.encodeP95Ms = encode_.percentile(95);
    result.decodeP50Ms = decode_.percentile(50);
    result.decodeP95Ms = decode_.percentile(95);
    result.renderP50Ms = render_.percentile(50);
  }

 private:
  const Clock& clock_;
  render::PixelBufferRenderer renderer_;
  pipeline::VideoSendStream send_;
  pipeline::VideoReceiveStream receive_;
  std::mutex mutex_;
  std::array<int64_t, 4096> captureTimes_{};
  int64_t captured_ = 0;
  int64_t rendered_ = 0;
  int64_t unique_ = 0;
  int64_t repeated_ = 0;
  int64_t outOfOrder_ = 0;
  int64_t unreadable_ = 0;
  int64_t lastSequence_ = -1;
  Percentiles latency_;
  Percentiles encode_;
  Percentiles decode_;
  Percentiles render_;
};

}  // namespace

VideoHarnessResult runVideoPipeline(const VideoHarnessConfig& config) {
  VideoHarnessResult result;
  result.mode = "pipeline";
  Loopback loopback(config);
  loopback.receive().start();
  capture::CaptureThread capture(makePattern(config, SystemClock::instance()), loopback);

  const int64_t cpuStartUs = processCpuUs();
  const int64_t wallStartUs = SystemClock::instance().nowUs();
  capture.start();
  std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(config.seconds * 1e6)));
  capture.stop();
  // Let the last frames through the decoder (the jitter buffer holds ~0 ms on a loopback).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  loopback.receive().stop();
  const int64_t cpuUs = processCpuUs() - cpuStartUs;
  const int64_t wallUs = SystemClock::instance().nowUs() - wallStartUs;

  loopback.fill(result);
  const pipeline::VideoSendStats send = loopback.send().stats();
  const pipeline::VideoReceiveStats receive = loopback.receive().stats();
  result.jitterBufferDelayMs = receive.jitter.currentDelayMs;
  result.jitterMs = receive.jitter.jitterMs;
  result.nacks = static_cast<int64_t>(receive.jitter.nacksSent);
  result.keyframeRequests = static_cast<int64_t>(receive.jitter.keyframeRequests);
  result.framesEncoded = send.framesEncoded;
  result.packetsSent = send.packetsSent;
  result.mediaSeconds = static_cast<double>(wallUs) / 1e6;
  result.achievedKbps = static_cast<double>(send.bytesSent) * 8 / 1000 / config.seconds;
  result.cpuMs = static_cast<double>(cpuUs) / 1000;
  result.cpuMsPerFrame = result.framesEncoded ? result.cpuMs / static_cast<double>(result.framesEncoded) : 0;
  return result;
}

VideoHarnessResult runRawCodec(const VideoHarnessConfig& config, bool paced) {
  VideoHarnessResult result;
  result.mode = paced ? "raw-codec-paced" : "raw-codec";
  const Clock& clock = SystemClock::instance();
  std::unique_ptr<capture::TestPatternSource> pattern = makePattern(config, clock);
  codec::Vp8Encoder encoder(encoderConfig(config));
  codec::Vp8Decoder decoder(1);
  Percentiles encode;
  Percentiles decode;
  video::VideoFrame frame;
  std::vector<uint8_t> encoded(video::VideoFrame::sizeFor(config.width, config.height) + 4096);
  const auto frames = static_cast<int64_t>(config.seconds * config.fps);
  int64_t codecCpuUs = 0;
  int64_t sourceCpuUs = 0;
  int64_t bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < frames; ++i) {
    if (paced) {
      std::this_thread::sleep_until(start + std::chrono::microseconds(i * 1'000'000 / config.fps));
    }
    const int64_t sourceStart = threadCpuUs();
    pattern->read(frame);
    const int64_t encodeStart = threadCpuUs();
    sourceCpuUs += encodeStart - sourceStart;
    const int size = encoder.encode(frame.data.data(), static_cast<int>(frame.data.size()),
                                    i * 1000 / config.fps, false, encoded.data(),
                                    static_cast<int>(encoded.size()));
    const int64_t decodeStart = threadCpuUs();
    if (size > 0) {
      decoder.decode(encoded.data(), size);
      bytes += size;
      ++result.framesEncoded;
    }
    const int64_t end = threadCpuUs();
    encode.add(static_cast<double>(decodeStart - encodeStart) / 1000.0);
    decode.add(static_cast<double>(end - decodeStart) / 1000.0);
    codecCpuUs += end - encodeStart;
  }
  result.framesCaptured = frames;
  result.framesRendered = result.framesEncoded;
  result.encodeP50Ms = encode.percentile(50);
  result.encodeP95Ms = encode.percentile(95);
  result.decodeP50Ms = decode.percentile(50);
  result.decodeP95Ms = decode.percentile(95);
  result.sourceCpuMs = static_cast<double>(sourceCpuUs) / 1000;
  result.cpuMs = static_cast<double>(codecCpuUs) / 1000;
  result.cpuMsPerFrame = result.framesEncoded ? result.cpuMs / static_cast<double>(result.framesEncoded) : 0;
  result.mediaSeconds = static_cast<double>(frames) / config.fps;
  result.achievedKbps = static_cast<double>(bytes) * 8 / 1000 / result.mediaSeconds;
  return result;
}

std::string toJson(const VideoHarnessResult& r) {
  char buffer[2048];
  std::snprintf(buffer, sizeof buffer,
                "{\"mode\":\"%s\",\"framesCaptured\":%lld,\"framesEncoded\":%lld,\"packetsSent\":%lld,"
                "\"framesRendered\":%lld,\"framesMissing\":%lld,\"framesRepeated\":%lld,"
                "\"framesOutOfOrder\":%lld,\"stampsUnreadable\":%lld,\"latencyP50Ms\":%.2f,"
                "\"latencyP95Ms\":%.2f,\"latencyP99Ms\":%.2f,\"latencyMaxMs\":%.2f,"
                "\"encodeP50Ms\":%.2f,\"encodeP95Ms\":%.2f,\"decodeP50Ms\":%.2f,\"decodeP95Ms\":%.2f,"
                "\"renderP50Ms\":%.2f,\"jitterBufferDelayMs\":%d,\"jitterMs\":%d,\"nacks\":%lld,"
                "\"keyframeRequests\":%lld,\"sourceCpuMs\":%.1f,\"cpuMs\":%.1f,\"cpuMsPerFrame\":%.3f,"
                "\"achievedKbps\":%.0f,\"mediaSeconds\":%.2f}",
                r.mode.c_str(), static_cast<long long>(r.framesCaptured),
                static_cast<long long>(r.framesEncoded), static_cast<long long>(r.packetsSent),
                static_cast<long long>(r.framesRendered), static_cast<long long>(r.framesMissing),
                static_cast<long long>(r.framesRepeated), static_cast<long long>(r.framesOutOfOrder),
                static_cast<long long>(r.stampsUnreadable), r.latencyP50Ms, r.latencyP95Ms,
                r.latencyP99Ms, r.latencyMaxMs, r.encodeP50Ms, r.encodeP95Ms, r.decodeP50Ms,
                r.decodeP95Ms, r.renderP50Ms, r.jitterBufferDelayMs, r.jitterMs,
                static_cast<long long>(r.nacks), static_cast<long long>(r.keyframeRequests),
                r.sourceCpuMs, r.cpuMs, r.cpuMsPerFrame,
                r.achievedKbps, r.mediaSeconds);
  return buffer;
}

}  // namespace parley::bench
