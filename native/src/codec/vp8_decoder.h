// VP8 decoder: one thin wrapper around libvpx's vp8 decoder interface.
#ifndef PARLEY_CODEC_VP8_DECODER_H
#define PARLEY_CODEC_VP8_DECODER_H

#include <vpx/vpx_decoder.h>

#include <cstdint>

#include "video/video_frame.h"

namespace parley::codec {

// Decodes VP8 frames to I420. A frame libvpx reports as corrupt is not shown:
// decode() returns kErrorCorruptFrame and the caller should ask for a keyframe.
class Vp8Decoder {
 public:
  explicit Vp8Decoder(int threads);  // throws std::runtime_error
  ~Vp8Decoder();
  Vp8Decoder(const Vp8Decoder&) = delete;
  Vp8Decoder& operator=(const Vp8Decoder&) = delete;

  int decode(const uint8_t* data, int size);
  int width() const;
  int height() const;
  int copyI420(uint8_t* out, int outCapacity) const;
  // Copies the last picture into `frame` (resized to the picture; its buffer
  // is reused when the size is unchanged). Returns kOk or a negative code.
  int copyTo(video::VideoFrame& frame) const;

 private:
  vpx_codec_ctx_t codec_{};
  vpx_image_t* picture_ = nullptr;
};

}  // namespace parley::codec

#endif  // PARLEY_CODEC_VP8_DECODER_H
