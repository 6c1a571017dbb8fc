#include "codec/opus_decoder.h"

#include <opus/opus.h>

#include <stdexcept>
#include <string>

#include "parley/parley.h"

namespace parley::codec {

OpusDecoder::OpusDecoder(int sampleRate, int channels)
    : sampleRate_(sampleRate), channels_(channels) {
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

int OpusDecoder::decodeFec(const uint8_t* nextPacket, int size, int16_t* pcm,
                           int samplesPerChannel) {
  if (nextPacket == nullptr || size <= 0 || pcm == nullptr || samplesPerChannel <= 0) {
    return kErrorInvalidArgument;
  }
  // frame_size must be exactly the lost frame's duration: libopus fills any
  // excess with concealment and takes only the end from the FEC data.
  const int samples = opus_decode(state_, nextPacket, size, pcm, samplesPerChannel, 1);
  if (samples == OPUS_INVALID_PACKET) return kErrorCorruptFrame;
  if (samples == OPUS_BAD_ARG || samples == OPUS_BUFFER_TOO_SMALL) return kErrorInvalidArgument;
  return samples < 0 ? kErrorCodec : samples;
}

int OpusDecoder::conceal(int16_t* pcm, int samplesPerChannel) {
  if (pcm == nullptr || samplesPerChannel <= 0 || samplesPerChannel % (sampleRate_ / 400) != 0) {
    return kErrorInvalidArgument;
  }
  const int samples = opus_decode(state_, nullptr, 0, pcm, samplesPerChannel, 0);
  return samples < 0 ? kErrorCodec : samples;
}

int OpusDecoder::lastPacketDuration() const {
  opus_int32 value = 0;
  return opus_decoder_ctl(state_, OPUS_GET_LAST_PACKET_DURATION(&value)) == OPUS_OK ? value
                                                                                      : kErrorCodec;
}

int OpusDecoder::packetSamples(const uint8_t* data, int size, int sampleRate) {
  if (data == nullptr || size <= 0 || sampleRate <= 0) return kErrorInvalidArgument;
  const int samples = opus_packet_get_nb_samples(data, size, sampleRate);
  return samples <= 0 ? kErrorCorruptFrame : samples;
}

bool OpusDecoder::packetHasFec(const uint8_t* data, int size) {
  if (data == nullptr || size <= 0) return false;
  const uint8_t toc = data[0];
  if ((toc & 0x80) != 0) return false;  // CELT-only configuration: no SILK layer
  const unsigned char* frames[48];
  opus_int16 sizes[48];
  if (opus_packet_parse(data, size, nullptr, frames, sizes, nullptr) <= 0 || sizes[0] <= 0) {
    return false;
  }
  // One VAD flag per 20 ms SILK frame (1, 2 or 3 for 10-60 ms), then the LBRR flag.
  const int frameSamples = opus_packet_get_samples_per_frame(data, 48000);
  const int silkFrames = frameSamples > 960 ? frameSamples / 960 : 1;
  bool lbrr = ((frames[0][0] >> (7 - silkFrames)) & 1) != 0;
  if ((toc & 0x4) != 0) lbrr = lbrr || ((frames[0][0] >> (6 - 2 * silkFrames)) & 1) != 0;
  return lbrr;
}

}  // namespace parley::codec
