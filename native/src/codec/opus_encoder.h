// Opus encoder: one thin wrapper around libopus's encoder.
#ifndef PARLEY_CODEC_OPUS_ENCODER_H
#define PARLEY_CODEC_OPUS_ENCODER_H

#include <cstdint>

struct OpusEncoder;  // libopus's opaque state (global namespace)

namespace parley::codec {

// Encodes interleaved 16-bit PCM with the VoIP application. The caller passes
// whole frames (2.5, 5, 10, 20, 40 or 60 ms at the configured sample rate;
// 20 ms is the call default). Starts at complexity 10, in-band FEC and DTX off.
// The setters may be called between any two encode calls (mid-call) and take
// effect from the next frame; each returns parley::kOk or a negative
// parley::ResultCode (kErrorInvalidArgument out of range). Not thread-safe.
class OpusEncoder {
 public:
  OpusEncoder(int sampleRate, int channels, int bitrateBps);  // throws std::runtime_error
  ~OpusEncoder();
  OpusEncoder(const OpusEncoder&) = delete;
  OpusEncoder& operator=(const OpusEncoder&) = delete;

  // Returns the packet size in bytes or a negative parley::ResultCode.
  int encode(const int16_t* pcm, int samplesPerChannel, uint8_t* out, int outCapacity);
  // 500..512000 bits per second.
  int setBitrate(int bitrateBps);
  // The loss the far end reports (RTCP fraction lost), 0..100 %: the encoder
  // spends bits on in-band FEC in proportion (none at 0 %).
  int setPacketLossPercent(int percent);
  // In-band FEC (LBRR): each packet also carries a coarse copy of the previous
  // frame, which the receiver decodes when that frame is lost. Only SILK and
  // hybrid packets can carry it, and only with a loss percentage above 0.
  int setInbandFec(bool enabled);
  // Discontinuous transmission: after 200 ms of silence encode returns packets
  // of 1 or 2 bytes, which the caller does not send (the sequence number does
  // not advance), with a real packet every 400 ms to refresh comfort noise.
  int setDtx(bool enabled);
  // 0 (cheapest) .. 10 (best).
  int setComplexity(int complexity);
  // Whether the last encoded frame was a DTX (silence) frame.
  bool inDtx() const;
  int bitrate() const;
  int sampleRate() const { return sampleRate_; }
  int channels() const { return channels_; }

 private:
  ::OpusEncoder* state_ = nullptr;
  int sampleRate_;
  int channels_;
};

}  // namespace parley::codec

#endif  // PARLEY_CODEC_OPUS_ENCODER_H
