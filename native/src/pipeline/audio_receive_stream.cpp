#include "pipeline/audio_receive_stream.h"

#include <algorithm>

#include "parley/parley.h"
#include "rtp/opus_payload.h"
#include "rtp/rtp_packet.h"

namespace parley::pipeline {

AudioReceiveStream::AudioReceiveStream(const AudioReceiveStreamConfig& config)
    : buffer_(config.jitter),
      meter_(kSampleRate),
      payloadType_(config.payloadType),
      remoteSsrc_(config.remoteSsrc) {}

void AudioReceiveStream::receiveRtpPacket(const uint8_t* data, size_t size, int64_t arrivalUs) {
  rtp::RtpPacketView packet;
  const bool parsed =
      data != nullptr && rtp::parseRtpPacket(data, size, &packet) == rtp::RtpParseError::kOk;
  int samples = 0;
  const bool opus =
      parsed && rtp::parseOpusPayload(packet.payload, &samples) == rtp::OpusPayloadError::kOk;
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.packetsReceived;
  stats_.bytesReceived += static_cast<int64_t>(size);
  if (!parsed) {
    ++stats_.packetsMalformed;
    return;
  }
  if (packet.header.payloadType != payloadType_ ||
      (remoteSsrc_ != 0 && packet.header.ssrc != remoteSsrc_)) {
    ++stats_.packetsOtherStream;
    return;
  }
  if (!opus) {
    ++stats_.packetsMalformed;
    return;
  }
  remoteSsrc_ = packet.header.ssrc;  // latch the first stream seen
  const int64_t sequence = sequenceUnwrapper_.unwrap(packet.header.sequenceNumber);
  const int64_t timestamp = timestampUnwrapper_.unwrap(packet.header.timestamp);
  const audio::AudioJitterBuffer::InsertResult result =
      buffer_.insert(sequence, timestamp, packet.payload.data(), packet.payload.size(), arrivalUs);
  if (result != audio::AudioJitterBuffer::InsertResult::kInserted) ++stats_.packetsRejected;
}

int AudioReceiveStream::renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) {
  std::lock_guard<std::mutex> lock(mutex_);
  const int pulled = samples > 5760 ? kErrorInvalidArgument
                                    : buffer_.pull(pcm, static_cast<int>(samples), playoutUs);
  if (pulled <= 0) {
    ++stats_.renderErrors;
    return pulled < 0 ? pulled : kErrorInvalidArgument;
  }
  meter_.update(pcm, static_cast<size_t>(pulled));
  const bool muted = speakerMuted_.load();
  if (muted) std::fill(pcm, pcm + pulled, int16_t{0});
  stats_.samplesRendered += pulled;
  stats_.speakerMuted = muted;
  stats_.outputLevelDbfs = meter_.lastDbfs();
  stats_.outputLevel = meter_.level();
  const std::optional<int64_t> next = buffer_.playoutTimestamp();
  havePlayout_ = next.has_value();
  if (havePlayout_) {
    // The wire value of the last sample handed out (modulo 2^32, RFC 3550).
    playoutTimestamp_ = static_cast<uint32_t>(*next - 1);
    playoutUs_ = playoutUs + int64_t{pulled - 1} * 1'000'000 / kSampleRate;
  }
  return pulled;
}

bool AudioReceiveStream::playoutTimestamp(uint32_t* rtpTimestamp, int64_t* playoutUs) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!havePlayout_) return false;
  if (rtpTimestamp != nullptr) *rtpTimestamp = playoutTimestamp_;
  if (playoutUs != nullptr) *playoutUs = playoutUs_;
  return true;
}

AudioReceiveStats AudioReceiveStream::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  AudioReceiveStats stats = stats_;
  stats.speakerMuted = speakerMuted_.load();
  stats.jitter = buffer_.stats();
  return stats;
}

void AudioReceiveStream::setRemoteSsrc(uint32_t ssrc) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ssrc == remoteSsrc_) return;
  remoteSsrc_ = ssrc;
  sequenceUnwrapper_.reset();
  timestampUnwrapper_.reset();
}

uint32_t AudioReceiveStream::remoteSsrc() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return remoteSsrc_;
}

}  // namespace parley::pipeline
