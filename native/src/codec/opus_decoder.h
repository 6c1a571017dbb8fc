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
  // Recovers the frame lost just before `nextPacket` from the in-band FEC data
  // that packet carries, writing exactly samplesPerChannel samples (the lost
  // frame's duration, a multiple of 2.5 ms). Without FEC data in the packet
  // libopus conceals instead (check packetHasFec first). Decode nextPacket
  // itself normally afterwards. Returns samples written or a negative ResultCode.
  int decodeFec(const uint8_t* nextPacket, int size, int16_t* pcm, int samplesPerChannel);
  // Packet loss concealment of samplesPerChannel samples (a multiple of
  // 2.5 ms), continuing the last decoded audio and fading out over a long gap.
  int conceal(int16_t* pcm, int samplesPerChannel);
  // Samples per channel of the last decode, FEC decode or concealment.
  int lastPacketDuration() const;
  int sampleRate() const { return sampleRate_; }
  int channels() const { return channels_; }

  // Samples per channel the packet decodes to at sampleRate, or a negative
  // ResultCode (kErrorCorruptFrame) for a malformed packet.
  static int packetSamples(const uint8_t* data, int size, int sampleRate);
  // Whether the packet carries in-band FEC (LBRR) data for the previous frame
  // (RFC 6716 section 4.2.3: the LBRR flag follows the VAD flags at the start
  // of the SILK layer; CELT-only packets never carry it).
  static bool packetHasFec(const uint8_t* data, int size);

 private:
  ::OpusDecoder* state_ = nullptr;
  int sampleRate_;
  int channels_;
};

}  // namespace parley::codec

#endif  // PARLEY_CODEC_OPUS_DECODER_H
