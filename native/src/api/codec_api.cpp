// Facade: the codec classes of parley.h, forwarding to native/src/codec/.
#include "codec/opus_decoder.h"
#include "codec/opus_encoder.h"
#include "codec/vp8_decoder.h"
#include "codec/vp8_encoder.h"
#include "parley/parley.h"

namespace parley {

Vp8Encoder::Vp8Encoder(const Vp8EncoderConfig& config)
    : impl_(std::make_unique<codec::Vp8Encoder>(config)) {}
Vp8Encoder::~Vp8Encoder() = default;
int Vp8Encoder::encode(const uint8_t* i420, int i420Size, int64_t ptsMs, bool forceKeyframe,
                       uint8_t* out, int outCapacity) {
  return impl_->encode(i420, i420Size, ptsMs, forceKeyframe, out, outCapacity);
}
bool Vp8Encoder::lastFrameKeyframe() const { return impl_->lastFrameKeyframe(); }
int Vp8Encoder::setRates(int bitrateKbps, int fps) { return impl_->setRates(bitrateKbps, fps); }

Vp8Decoder::Vp8Decoder(int threads) : impl_(std::make_unique<codec::Vp8Decoder>(threads)) {}
Vp8Decoder::~Vp8Decoder() = default;
int Vp8Decoder::decode(const uint8_t* data, int size) { return impl_->decode(data, size); }
int Vp8Decoder::width() const { return impl_->width(); }
int Vp8Decoder::height() const { return impl_->height(); }
int Vp8Decoder::copyI420(uint8_t* out, int outCapacity) const {
  return impl_->copyI420(out, outCapacity);
}

OpusAudioEncoder::OpusAudioEncoder(int sampleRate, int channels, int bitrateBps)
    : impl_(std::make_unique<codec::OpusEncoder>(sampleRate, channels, bitrateBps)) {}
OpusAudioEncoder::~OpusAudioEncoder() = default;
int OpusAudioEncoder::encode(const int16_t* pcm, int samplesPerChannel, uint8_t* out,
                             int outCapacity) {
  return impl_->encode(pcm, samplesPerChannel, out, outCapacity);
}

OpusAudioDecoder::OpusAudioDecoder(int sampleRate, int channels)
    : impl_(std::make_unique<codec::OpusDecoder>(sampleRate, channels)) {}
OpusAudioDecoder::~OpusAudioDecoder() = default;
int OpusAudioDecoder::decode(const uint8_t* data, int size, int16_t* pcm,
                             int maxSamplesPerChannel) {
  return impl_->decode(data, size, pcm, maxSamplesPerChannel);
}

}  // namespace parley
