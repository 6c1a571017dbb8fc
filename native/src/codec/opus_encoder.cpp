#include "codec/opus_encoder.h"

#include <opus/opus.h>

#include <stdexcept>
#include <string>

#include "parley/parley.h"

namespace parley::codec {

OpusEncoder::OpusEncoder(int sampleRate, int channels, int bitrateBps)
    : sampleRate_(sampleRate), channels_(channels) {
  if (bitrateBps < 500 || bitrateBps > 512000) {
    throw std::runtime_error("Opus encoder: bitrate must be in 500..512000 bps, got " +
                             std::to_string(bitrateBps));
  }
  int error = OPUS_OK;
  state_ = opus_encoder_create(sampleRate, channels, OPUS_APPLICATION_VOIP, &error);
  if (error != OPUS_OK || state_ == nullptr) {
    throw std::runtime_error(std::string("libopus encoder: ") + opus_strerror(error) + " (rate " +
                             std::to_string(sampleRate) + ", channels " +
                             std::to_string(channels) + ")");
  }
  if (opus_encoder_ctl(state_, OPUS_SET_BITRATE(bitrateBps)) != OPUS_OK ||
      opus_encoder_ctl(state_, OPUS_SET_COMPLEXITY(10)) != OPUS_OK ||
      opus_encoder_ctl(state_, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)) != OPUS_OK) {
    opus_encoder_destroy(state_);
    throw std::runtime_error("libopus encoder: setting bitrate, complexity or signal failed");
  }
}

OpusEncoder::~OpusEncoder() { opus_encoder_destroy(state_); }

int OpusEncoder::encode(const int16_t* pcm, int samplesPerChannel, uint8_t* out,
                        int outCapacity) {
  if (pcm == nullptr || out == nullptr || samplesPerChannel <= 0 || outCapacity <= 0) {
    return kErrorInvalidArgument;
  }
  const opus_int32 size = opus_encode(state_, pcm, samplesPerChannel, out, outCapacity);
  if (size == OPUS_BAD_ARG) {
    return kErrorInvalidArgument;  // not a valid frame length for this rate
  }
  if (size == OPUS_BUFFER_TOO_SMALL) {
    return kErrorBufferTooSmall;
  }
  return size < 0 ? kErrorCodec : static_cast<int>(size);
}

namespace {

int ctlResult(int error) {
  if (error == OPUS_OK) return kOk;
  return error == OPUS_BAD_ARG ? kErrorInvalidArgument : kErrorCodec;
}

}  // namespace

int OpusEncoder::setBitrate(int bitrateBps) {
  if (bitrateBps < 500 || bitrateBps > 512000) return kErrorInvalidArgument;
  return ctlResult(opus_encoder_ctl(state_, OPUS_SET_BITRATE(bitrateBps)));
}

int OpusEncoder::setPacketLossPercent(int percent) {
  if (percent < 0 || percent > 100) return kErrorInvalidArgument;
  return ctlResult(opus_encoder_ctl(state_, OPUS_SET_PACKET_LOSS_PERC(percent)));
}

int OpusEncoder::setInbandFec(bool enabled) {
  return ctlResult(opus_encoder_ctl(state_, OPUS_SET_INBAND_FEC(enabled ? 1 : 0)));
}

int OpusEncoder::setDtx(bool enabled) {
  return ctlResult(opus_encoder_ctl(state_, OPUS_SET_DTX(enabled ? 1 : 0)));
}

int OpusEncoder::setComplexity(int complexity) {
  if (complexity < 0 || complexity > 10) return kErrorInvalidArgument;
  return ctlResult(opus_encoder_ctl(state_, OPUS_SET_COMPLEXITY(complexity)));
}

bool OpusEncoder::inDtx() const {
  opus_int32 value = 0;
  return opus_encoder_ctl(state_, OPUS_GET_IN_DTX(&value)) == OPUS_OK && value != 0;
}

int OpusEncoder::bitrate() const {
  opus_int32 value = 0;
  return opus_encoder_ctl(state_, OPUS_GET_BITRATE(&value)) == OPUS_OK ? value : kErrorCodec;
}

}  // namespace parley::codec
