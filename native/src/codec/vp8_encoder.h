// VP8 encoder: one thin wrapper around libvpx's vp8 encoder interface.
#ifndef PARLEY_CODEC_VP8_ENCODER_H
#define PARLEY_CODEC_VP8_ENCODER_H

#include <vpx/vpx_encoder.h>

#include <cstdint>

#include "parley/parley.h"

namespace parley::codec {

// Encodes packed I420 frames with libvpx in realtime mode.
// The caller must check encode()'s result: 0 means libvpx dropped the frame
// (rate control), negative means the codec failed.
class Vp8Encoder {
 public:
  explicit Vp8Encoder(const Vp8EncoderConfig& config);  // throws std::runtime_error
  ~Vp8Encoder();
  Vp8Encoder(const Vp8Encoder&) = delete;
  Vp8Encoder& operator=(const Vp8Encoder&) = delete;

  int encode(const uint8_t* i420, int i420Size, int64_t ptsMs, bool forceKeyframe, uint8_t* out,
             int outCapacity);
  bool lastFrameKeyframe() const { return lastKeyframe_; }
  int setRates(int bitrateKbps, int fps);
  const Vp8EncoderConfig& config() const { return config_; }

 private:
  Vp8EncoderConfig config_;
  vpx_codec_ctx_t codec_{};
  vpx_codec_enc_cfg_t cfg_{};
  vpx_image_t image_{};
  bool lastKeyframe_ = false;
};

}  // namespace parley::codec

#endif  // PARLEY_CODEC_VP8_ENCODER_H
