#include "pipeline/audio_send_stream.h"

#include <algorithm>

namespace parley::pipeline {
namespace {

// RFC 6716 section 3.4 [R2]: at most 1275 octets per frame; one 20 ms frame
// per packet here.
constexpr int kMaxOpusPacket = 1275;
// Opus DTX stand-in frames are 1 or 2 octets (codec/opus_encoder.h).
constexpr int kDtxPacketMax = 2;

rtp::RtpSequencerConfig opusRtp(rtp::RtpSequencerConfig config) {
  config.clockRate = rtp::kOpusRtpClockRate;
  return config;
}

}  // namespace

AudioSendStream::AudioSendStream(const AudioSendStreamConfig& config, RtpPacketSink& sink,
                                 const Clock& clock)
    : sink_(sink),
      clock_(clock),
      encoder_(kSampleRate, 1, std::clamp(config.bitrateBps, 6000, 510000)),
      sequencer_(opusRtp(config.rtp)),
      timeline_(sequencer_.timestampOffset()),
      meter_(kSampleRate),
      frame_(kFrameSamples),
      encoded_(kMaxOpusPacket),
      bitrateBps_(std::clamp(config.bitrateBps, 6000, 510000)),
      lossPercent_(std::clamp(config.expectedLossPercent, 0, 100)),
      dtx_(config.dtx),
      complexity_(std::clamp(config.complexity, 0, 10)),
      fec_(config.inbandFec) {
  applyPendingSettings();
}

void AudioSendStream::setBitrate(int bitrateBps) {
  bitrateBps_.store(std::clamp(bitrateBps, 6000, 510000));
  settingsChanged_.store(true);
}

void AudioSendStream::setExpectedLossPercent(int percent) {
  percent = std::clamp(percent, 0, 100);
  const int64_t nowUs = clock_.nowUs();
  {
    std::lock_guard<std::mutex> lock(lossMutex_);
    if (lossReported_ && percent < lossPercent_.load() && nowUs - lossPeakUs_ < kLossHoldUs) {
      return;  // hold the recent peak
    }
    lossReported_ = true;
    lossPeakUs_ = nowUs;
    lossPercent_.store(percent);
  }
  settingsChanged_.store(true);
}

void AudioSendStream::setDtx(bool enabled) {
  dtx_.store(enabled);
  settingsChanged_.store(true);
}

void AudioSendStream::setComplexity(int complexity) {
  complexity_.store(std::clamp(complexity, 0, 10));
  settingsChanged_.store(true);
}

void AudioSendStream::setMuted(bool muted) {
  muted_.store(muted);
  settingsChanged_.store(true);
}

void AudioSendStream::applyPendingSettings() {
  if (!settingsChanged_.exchange(false)) return;
  // All values were clamped to the encoder's ranges, so the calls succeed.
  encoder_.setBitrate(bitrateBps_.load());
  encoder_.setPacketLossPercent(lossPercent_.load());
  encoder_.setInbandFec(fec_);
  encoder_.setComplexity(complexity_.load());
  // Muted: force DTX so silence costs (almost) nothing on the wire.
  encoderDtx_ = dtx_.load() || muted_.load();
  encoder_.setDtx(encoderDtx_);
}

void AudioSendStream::onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) {
  if (pcm == nullptr) {
    std::lock_guard<std::mutex> lock(statsMutex_);
    ++stats_.chunksRejected;
    return;
  }
  {
    std::lock_guard<std::mutex> lock(statsMutex_);
    stats_.samplesIn += static_cast<int64_t>(samples);
  }
  skipCaptureGap(captureUs);
  nextCaptureUs_ = captureUs + static_cast<int64_t>(samples) * 1'000'000 / kSampleRate;
  size_t consumed = 0;
  while (samples > 0) {
    if (filled_ == 0) {
      frameCaptureUs_ = captureUs + static_cast<int64_t>(consumed) * 1'000'000 / kSampleRate;
    }
    const size_t take = std::min(samples, frame_.size() - filled_);
    std::copy(pcm, pcm + take, frame_.begin() + static_cast<std::ptrdiff_t>(filled_));
    filled_ += take;
    pcm += take;
    samples -= take;
    consumed += take;
    if (filled_ == frame_.size()) {
      encodeFrame();
      filled_ = 0;
    }
  }
}

void AudioSendStream::skipCaptureGap(int64_t captureUs) {
  if (!haveNextCapture_) {
    haveNextCapture_ = true;
    return;
  }
  // The device skipped whole frames (its thread was starved): the RTP clock
  // follows the sampling instants (RFC 3550 section 5.1), so let the
  // timestamps jump like a DTX gap. Otherwise every later packet would look
  // late by the gap to the receiver, whose playout delay would then grow.
  const int64_t gapUs = captureUs - nextCaptureUs_;
  const int64_t frameUs = int64_t{kFrameSamples} * 1'000'000 / kSampleRate;
  const int64_t frames = gapUs >= frameUs ? gapUs / frameUs : 0;
  for (int64_t i = 0; i < frames; ++i) timeline_.onFrame(kFrameSamples, false);
  if (frames > 0) {
    std::lock_guard<std::mutex> lock(statsMutex_);
    stats_.framesSkipped += frames;
  }
}

void AudioSendStream::encodeFrame() {
  applyPendingSettings();
  const bool muted = muted_.load();
  if (muted) std::fill(frame_.begin(), frame_.end(), int16_t{0});
  meter_.update(frame_.data(), frame_.size());

  const int64_t startUs = clock_.nowUs();
  const int size = encoder_.encode(frame_.data(), kFrameSamples, encoded_.data(),
                                   static_cast<int>(encoded_.size()));
  const int64_t encodeUs = clock_.nowUs() - startUs;
  if (size < 0) {
    timeline_.onFrame(kFrameSamples, false);  // keep the timeline on the sample clock
    std::lock_guard<std::mutex> lock(statsMutex_);
    ++stats_.encodeErrors;
    return;
  }
  const bool dtxFrame = encoderDtx_ && size <= kDtxPacketMax;
  const rtp::OpusRtpTimeline::Frame timing = timeline_.onFrame(kFrameSamples, !dtxFrame);
  size_t packetBytes = 0;
  if (!dtxFrame) {
    const std::vector<uint8_t> packet = sequencer_.packet(
        rtp::ByteView(encoded_.data(), static_cast<size_t>(size)), timing.timestamp, timing.marker);
    sink_.sendRtpPacket(packet.data(), packet.size());
    packetBytes = packet.size();
  }
  std::lock_guard<std::mutex> lock(statsMutex_);
  haveCapture_ = true;
  captureTimestamp_ = timing.timestamp;
  captureUs_ = frameCaptureUs_;
  ++stats_.framesEncoded;
  stats_.lastEncodeUs = encodeUs;
  stats_.totalEncodeUs += encodeUs;
  if (dtxFrame) {
    ++stats_.framesDtx;
  } else {
    ++stats_.packetsSent;
    stats_.bytesSent += static_cast<int64_t>(packetBytes);
    stats_.payloadBytesSent += size;
  }
  stats_.muted = muted;
  stats_.inputLevelDbfs = meter_.lastDbfs();
  stats_.inputLevel = meter_.level();
}

bool AudioSendStream::lastCaptureTimestamp(uint32_t* rtpTimestamp, int64_t* captureUs) const {
  std::lock_guard<std::mutex> lock(statsMutex_);
  if (!haveCapture_) return false;
  if (rtpTimestamp != nullptr) *rtpTimestamp = captureTimestamp_;
  if (captureUs != nullptr) *captureUs = captureUs_;
  return true;
}

AudioSendStats AudioSendStream::stats() const {
  AudioSendStats stats;
  {
    std::lock_guard<std::mutex> lock(statsMutex_);
    stats = stats_;
  }
  // The requested settings, which the next frame applies.
  stats.bitrateBps = bitrateBps_.load();
  stats.expectedLossPercent = lossPercent_.load();
  stats.complexity = complexity_.load();
  stats.dtx = dtx_.load();
  stats.muted = muted_.load();
  return stats;
}

}  // namespace parley::pipeline
