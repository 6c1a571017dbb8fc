// Opus decoder: one thin wrapper around libopus's decoder.
#ifndef PARLEY_CODEC_OPUS_DECODER_H
#define PARLEY_CODEC_OPUS_DECODER_H

#include <cstdint>

struct OpusDecoder;  // libopus's opaque state (global namespace)

namespace parley::codec {

// Decodes Opus packets to interleaved 16-bit PCM. A null or empty packet asks
// libopus to conceal one lost frame (packet loss concealment).
class OpusDecoder {
 public:
  OpusDecoder(int sampleRate, int channels);  // throws std::runtime_error
  ~OpusDecoder();
  OpusDecoder(const OpusDecoder&) = delete;
  OpusDecoder& operator=(const OpusDecoder&) = delete;

  // Returns samples per channel written, or a negative parley::ResultCode.
  int decode(const uint8_t* data, int size, int16_t* pcm, int maxSamplesPerChannel);

 private:
  ::OpusDecoder* state_ = nullptr;
};

}  // namespace parley::codec

#endif  // PARLEY_CODEC_OPUS_DECODER_H
