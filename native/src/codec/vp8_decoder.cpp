#include "codec/vp8_decoder.h"

#include <vpx/vp8.h>
#include <vpx/vp8dx.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "parley/parley.h"

namespace parley::codec {

Vp8Decoder::Vp8Decoder(int threads) {
  if (threads <= 0 || threads > 64) {
    throw std::runtime_error("VP8 decoder: thread count must be in 1..64, got " +
                             std::to_string(threads));
  }
  vpx_codec_dec_cfg_t cfg{};
  cfg.threads = static_cast<unsigned>(threads);
  if (vpx_codec_dec_init(&codec_, vpx_codec_vp8_dx(), &cfg, 0) != VPX_CODEC_OK) {
    throw std::runtime_error(std::string("libvpx VP8 decoder: init failed: ") +
                             vpx_codec_error(&codec_));
  }
}

Vp8Decoder::~Vp8Decoder() { vpx_codec_destroy(&codec_); }

int Vp8Decoder::decode(const uint8_t* data, int size) {
  picture_ = nullptr;
  if (data == nullptr || size <= 0) {
    return kErrorInvalidArgument;
  }
  if (vpx_codec_decode(&codec_, data, static_cast<unsigned>(size), nullptr, 0) != VPX_CODEC_OK) {
    return kErrorCorruptFrame;
  }
  // libvpx may decode a damaged frame "successfully" while marking it corrupt
  // (missing partitions, broken references): never show such a picture.
  int corrupt = 0;
  if (vpx_codec_control(&codec_, VP8D_GET_FRAME_CORRUPTED, &corrupt) == VPX_CODEC_OK &&
      corrupt != 0) {
    return kErrorCorruptFrame;
  }
  vpx_codec_iter_t iter = nullptr;
  picture_ = vpx_codec_get_frame(&codec_, &iter);
  if (picture_ == nullptr) {
    return 0;
  }
  return picture_->fmt == VPX_IMG_FMT_I420 ? 1 : kErrorCodec;
}

int Vp8Decoder::width() const { return picture_ != nullptr ? static_cast<int>(picture_->d_w) : 0; }

int Vp8Decoder::height() const {
  return picture_ != nullptr ? static_cast<int>(picture_->d_h) : 0;
}

int Vp8Decoder::copyI420(uint8_t* out, int outCapacity) const {
  if (picture_ == nullptr || out == nullptr) {
    return kErrorInvalidArgument;
  }
  const int w = static_cast<int>(picture_->d_w);
  const int h = static_cast<int>(picture_->d_h);
  const int cw = (w + 1) / 2;
  const int ch = (h + 1) / 2;
  const int total = w * h + 2 * cw * ch;
  if (outCapacity < total) {
    return kErrorBufferTooSmall;
  }
  uint8_t* dst = out;
  const int widths[3] = {w, cw, cw};
  const int heights[3] = {h, ch, ch};
  for (int plane = 0; plane < 3; ++plane) {
    const uint8_t* src = picture_->planes[plane];
    for (int row = 0; row < heights[plane]; ++row) {
      std::memcpy(dst, src + static_cast<ptrdiff_t>(row) * picture_->stride[plane],
                  static_cast<size_t>(widths[plane]));
      dst += widths[plane];
    }
  }
  return total;
}

int Vp8Decoder::copyTo(video::VideoFrame& frame) const {
  if (picture_ == nullptr) {
    return kErrorInvalidArgument;
  }
  // VP8 pictures have even sides in practice; an odd one loses its last row
  // or column, since Parley's frames are even-sized I420.
  frame.resize(static_cast<int>(picture_->d_w) & ~1, static_cast<int>(picture_->d_h) & ~1);
  uint8_t* planes[3] = {frame.y(), frame.u(), frame.v()};
  const int widths[3] = {frame.width, frame.width / 2, frame.width / 2};
  const int heights[3] = {frame.height, frame.height / 2, frame.height / 2};
  for (int plane = 0; plane < 3; ++plane) {
    const uint8_t* src = picture_->planes[plane];
    uint8_t* dst = planes[plane];
    for (int row = 0; row < heights[plane]; ++row) {
      std::memcpy(dst + static_cast<ptrdiff_t>(row) * widths[plane],
                  src + static_cast<ptrdiff_t>(row) * picture_->stride[plane],
                  static_cast<size_t>(widths[plane]));
    }
  }
  return kOk;
}

}  // namespace parley::codec
