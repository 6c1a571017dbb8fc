#include "codec/opus_decoder.h"

#include <opus/opus.h>

#include <stdexcept>
#include <string>

#include "parley/parley.h"

namespace parley::codec {

OpusDecoder::OpusDecoder(int sampleRate, int channels) {
  int error = OPUS_OK;
  state_ = opus_decoder_create(sampleRate, channels, &error);
  if (error != OPUS_OK || state_ == nullptr) {
    throw std::runtime_error(std::string("libopus decoder: ") + opus_strerror(error) + " (rate " +
                             std::to_string(sampleRate) + ", channels " +
                             std::to_string(channels) + ")");
  }
}

OpusDecoder::~OpusDecoder() { opus_decoder_destroy(state_); }

int OpusDecoder::decode(const uint8_t* data, int size, int16_t* pcm, int maxSamplesPerChannel) {
  if (pcm == nullptr || maxSamplesPerChannel <= 0 || size < 0 || (size > 0 && data == nullptr)) {
    return kErrorInvalidArgument;
  }
  const int samples =
      opus_decode(state_, size > 0 ? data : nullptr, size, pcm, maxSamplesPerChannel, 0);
  if (samples == OPUS_INVALID_PACKET) {
    return kErrorCorruptFrame;
  }
  if (samples == OPUS_BUFFER_TOO_SMALL) {
    return kErrorBufferTooSmall;
  }
  return samples < 0 ? kErrorCodec : samples;
}

}  // namespace parley::codec
