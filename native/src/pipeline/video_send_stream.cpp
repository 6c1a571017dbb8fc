#include "pipeline/video_send_stream.h"

namespace parley::pipeline {

VideoSendStream::VideoSendStream(const VideoSendStreamConfig& config, RtpPacketSink& sink,
                                 const Clock& clock, Observer* observer)
    : config_(config),
      sink_(sink),
      clock_(clock),
      observer_(observer),
      payloader_(config.payloader),
      sequencer_(config.rtp) {}

bool VideoSendStream::ensureEncoder(const video::VideoFrame& frame) {
  if (encoder_ && encoder_->config().width == frame.width &&
      encoder_->config().height == frame.height) {
    return true;
  }
  Vp8EncoderConfig settings = encoder_ ? encoder_->config() : config_.encoder;
  settings.width = frame.width;
  settings.height = frame.height;
  try {
    encoder_ = std::make_unique<codec::Vp8Encoder>(settings);
  } catch (const std::exception&) {
    encoder_.reset();
    return false;
  }
  return true;  // a new encoder starts with a keyframe
}

void VideoSendStream::setRates(int bitrateKbps, int fps) {
  pendingBitrateKbps_.store(bitrateKbps);
  pendingFps_.store(fps);
}

void VideoSendStream::sendFrame(const video::VideoFrame& frame) {
  {
    std::lock_guard<std::mutex> lock(statsMutex_);
    ++stats_.framesIn;
  }
  if (!ensureEncoder(frame)) {
    std::lock_guard<std::mutex> lock(statsMutex_);
    ++stats_.encodeErrors;
    return;
  }
  const int bitrate = pendingBitrateKbps_.exchange(0);
  const int fps = pendingFps_.exchange(0);
  if (bitrate > 0 && fps > 0) {
    encoder_->setRates(bitrate, fps);
  }
  // Worst case for a VP8 frame is about the raw size; keyframes of noisy
  // pictures come close. Grow once, then reuse.
  if (encoded_.size() < frame.data.size()) {
    encoded_.resize(frame.data.size() + 4096);
  }
  const bool forceKeyframe = keyframeRequested_.exchange(false);
  const int64_t startUs = clock_.nowUs();
  const int size = encoder_->encode(frame.data.data(), static_cast<int>(frame.data.size()),
                                    frame.captureTimeUs / 1000, forceKeyframe, encoded_.data(),
                                    static_cast<int>(encoded_.size()));
  const int64_t encodeUs = clock_.nowUs() - startUs;
  if (size <= 0) {
    std::lock_guard<std::mutex> lock(statsMutex_);
    if (size == 0) {
      ++stats_.framesDropped;
    } else {
      ++stats_.encodeErrors;
      keyframeRequested_.store(forceKeyframe);  // try again on the next frame
    }
    return;
  }
  const bool keyframe = encoder_->lastFrameKeyframe();
  const rtp::Vp8FramePayloads payloads =
      payloader_.payload(rtp::ByteView(encoded_.data(), static_cast<size_t>(size)));
  const std::vector<std::vector<uint8_t>> packets =
      sequencer_.packetize(payloads.payloads, frame.captureTimeUs);
  int64_t bytes = 0;
  for (const std::vector<uint8_t>& packet : packets) {
    sink_.sendRtpPacket(packet.data(), packet.size());
    bytes += static_cast<int64_t>(packet.size());
  }
  {
    std::lock_guard<std::mutex> lock(statsMutex_);
    ++stats_.framesEncoded;
    stats_.keyframes += keyframe ? 1 : 0;
    stats_.packetsSent += static_cast<int64_t>(packets.size());
    stats_.bytesSent += bytes;
    stats_.lastEncodeUs = encodeUs;
    stats_.totalEncodeUs += encodeUs;
  }
  if (observer_ != nullptr) {
    observer_->onVideoSendStreamEncoded(frame, encodeUs, static_cast<size_t>(size), keyframe);
  }
}

VideoSendStats VideoSendStream::stats() const {
  std::lock_guard<std::mutex> lock(statsMutex_);
  return stats_;
}

}  // namespace parley::pipeline
