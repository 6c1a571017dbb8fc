#include "codec/vp8_encoder.h"

#include <vpx/vp8cx.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace parley::codec {
namespace {

// Milliseconds: libvpx timestamps are in units of cfg.g_timebase.
constexpr int kTimebaseDen = 1000;

std::runtime_error vpxError(const char* what, vpx_codec_ctx_t* ctx) {
  std::string message = std::string("libvpx VP8 encoder: ") + what;
  if (ctx != nullptr && ctx->name != nullptr) {
    message += ": ";
    message += vpx_codec_error(ctx);
    if (const char* detail = vpx_codec_error_detail(ctx)) {
      message += " (";
      message += detail;
      message += ")";
    }
  }
  return std::runtime_error(message);
}

}  // namespace

Vp8Encoder::Vp8Encoder(const Vp8EncoderConfig& config) : config_(config) {
  if (config.width <= 0 || config.height <= 0 || (config.width % 2) != 0 ||
      (config.height % 2) != 0 || config.width > 16384 || config.height > 16384) {
    throw std::runtime_error("VP8 encoder: width and height must be even and in 2..16384, got " +
                             std::to_string(config.width) + "x" + std::to_string(config.height));
  }
  if (config.fps <= 0 || config.fps > 240 || config.bitrateKbps <= 0 || config.threads <= 0 ||
      config.speed < -16 || config.speed > 16 || config.keyframeInterval <= 0) {
    throw std::runtime_error("VP8 encoder: fps, bitrate, threads, speed or keyframe interval out of range");
  }
  if (vpx_codec_enc_config_default(vpx_codec_vp8_cx(), &cfg_, 0) != VPX_CODEC_OK) {
    throw vpxError("no default configuration", nullptr);
  }
  cfg_.g_w = static_cast<unsigned>(config.width);
  cfg_.g_h = static_cast<unsigned>(config.height);
  cfg_.g_timebase.num = 1;
  cfg_.g_timebase.den = kTimebaseDen;
  cfg_.g_threads = static_cast<unsigned>(config.threads);
  cfg_.g_lag_in_frames = 0;  // realtime: no look-ahead, every frame leaves at once
  cfg_.g_error_resilient = config.errorResilient ? VPX_ERROR_RESILIENT_DEFAULT : 0;
  cfg_.g_pass = VPX_RC_ONE_PASS;
  cfg_.rc_end_usage = VPX_CBR;
  cfg_.rc_target_bitrate = static_cast<unsigned>(config.bitrateKbps);
  cfg_.rc_min_quantizer = 2;
  cfg_.rc_max_quantizer = 56;
  cfg_.rc_undershoot_pct = 100;
  cfg_.rc_overshoot_pct = 15;
  cfg_.rc_buf_initial_sz = 500;
  cfg_.rc_buf_optimal_sz = 600;
  cfg_.rc_buf_sz = 1000;
  cfg_.rc_dropframe_thresh = 0;
  cfg_.kf_mode = VPX_KF_AUTO;
  cfg_.kf_min_dist = 0;
  cfg_.kf_max_dist = static_cast<unsigned>(config.keyframeInterval);

  if (vpx_codec_enc_init(&codec_, vpx_codec_vp8_cx(), &cfg_, 0) != VPX_CODEC_OK) {
    throw vpxError("init failed", &codec_);
  }
  if (vpx_codec_control(&codec_, VP8E_SET_CPUUSED, config.speed) != VPX_CODEC_OK ||
      vpx_codec_control(&codec_, VP8E_SET_NOISE_SENSITIVITY, 0) != VPX_CODEC_OK ||
      vpx_codec_control(&codec_, VP8E_SET_STATIC_THRESHOLD, 1) != VPX_CODEC_OK ||
      vpx_codec_control(&codec_, VP8E_SET_MAX_INTRA_BITRATE_PCT, 300) != VPX_CODEC_OK) {
    std::runtime_error error = vpxError("control failed", &codec_);
    vpx_codec_destroy(&codec_);
    throw error;
  }
}

Vp8Encoder::~Vp8Encoder() { vpx_codec_destroy(&codec_); }

int Vp8Encoder::encode(const uint8_t* i420, int i420Size, int64_t ptsMs, bool forceKeyframe,
                       uint8_t* out, int outCapacity) {
  const int ySize = config_.width * config_.height;
  const int chromaSize = (config_.width / 2) * (config_.height / 2);
  if (i420 == nullptr || out == nullptr || i420Size < ySize + 2 * chromaSize || outCapacity <= 0) {
    return kErrorInvalidArgument;
  }
  // Point the image header at the caller's packed planes. (Wrapping a null buffer would make
  // libvpx allocate one.) libvpx reads but never writes the planes of an input image.
  vpx_img_wrap(&image_, VPX_IMG_FMT_I420, cfg_.g_w, cfg_.g_h, 1, const_cast<uint8_t*>(i420));

  const vpx_enc_frame_flags_t flags = forceKeyframe ? VPX_EFLAG_FORCE_KF : 0;
  const unsigned long durationMs = 1000UL / static_cast<unsigned long>(config_.fps);
  if (vpx_codec_encode(&codec_, &image_, ptsMs, durationMs, flags, VPX_DL_REALTIME) !=
      VPX_CODEC_OK) {
    return kErrorCodec;
  }
  int written = 0;
  bool keyframe = false;
  vpx_codec_iter_t iter = nullptr;
  while (const vpx_codec_cx_pkt_t* packet = vpx_codec_get_cx_data(&codec_, &iter)) {
    if (packet->kind != VPX_CODEC_CX_FRAME_PKT) {
      continue;
    }
    const auto size = static_cast<int>(packet->data.frame.sz);
    if (written + size > outCapacity) {
      return kErrorBufferTooSmall;
    }
    std::memcpy(out + written, packet->data.frame.buf, packet->data.frame.sz);
    written += size;
    keyframe = keyframe || (packet->data.frame.flags & VPX_FRAME_IS_KEY) != 0;
  }
  if (written > 0) {
    lastKeyframe_ = keyframe;
  }
  return written;
}

int Vp8Encoder::setRates(int bitrateKbps, int fps) {
  if (bitrateKbps <= 0 || fps <= 0 || fps > 240) {
    return kErrorInvalidArgument;
  }
  cfg_.rc_target_bitrate = static_cast<unsigned>(bitrateKbps);
  if (vpx_codec_enc_config_set(&codec_, &cfg_) != VPX_CODEC_OK) {
    return kErrorCodec;
  }
  config_.bitrateKbps = bitrateKbps;
  config_.fps = fps;
  return kOk;
}

}  // namespace parley::codec
