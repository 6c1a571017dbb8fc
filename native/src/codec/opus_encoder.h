// Opus encoder: one thin wrapper around libopus's encoder.
#ifndef PARLEY_CODEC_OPUS_ENCODER_H
#define PARLEY_CODEC_OPUS_ENCODER_H

#include <cstdint>

struct OpusEncoder;  // libopus's opaque state (global namespace)

namespace parley::codec {

// Encodes interleaved 16-bit PCM with the VoIP application. The caller passes
// whole frames (2.5, 5, 10, 20, 40 or 60 ms at the configured sample rate).
class OpusEncoder {
 public:
  OpusEncoder(int sampleRate, int channels, int bitrateBps);  // throws std::runtime_error
  ~OpusEncoder();
  OpusEncoder(const OpusEncoder&) = delete;
  OpusEncoder& operator=(const OpusEncoder&) = delete;

  // Returns the packet size in bytes or a negative parley::ResultCode.
  int encode(const int16_t* pcm, int samplesPerChannel, uint8_t* out, int outCapacity);
  int sampleRate() const { return sampleRate_; }
  int channels() const { return channels_; }

 private:
  ::OpusEncoder* state_ = nullptr;
  int sampleRate_;
  int channels_;
};

}  // namespace parley::codec

#endif  // PARLEY_CODEC_OPUS_ENCODER_H
