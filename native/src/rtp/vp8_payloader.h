// VP8 payloader (RFC 7741 section 4): splits one encoded VP8 frame into RTP
// payloads, each a payload descriptor followed by a slice of the frame.
// It sets no RTP header fields; RtpSequencer turns the payloads into packets.
#ifndef PARLEY_RTP_VP8_PAYLOADER_H
#define PARLEY_RTP_VP8_PAYLOADER_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "rtp/byte_view.h"
#include "video/encoded_frame.h"

namespace parley::rtp {

// Settings of a Vp8Payloader; the defaults suit a call over the internet.
struct Vp8PayloaderConfig {
  // Largest RTP payload (descriptor included) to produce. 1200, libwebrtc's
  // choice too, leaves room for the RTP header, header extensions, the SRTP
  // tag and UDP/IP headers under common path MTUs (and IPv6's 1280 minimum).
  size_t maxPayloadSize = 1200;
  // PictureID of the first frame; a random 15-bit value when unset (as
  // libwebrtc does, so a restarted sender does not repeat recent IDs).
  std::optional<uint16_t> firstPictureId;
};

// The payloads of one frame, in sending order, and the PictureID they carry.
struct Vp8FramePayloads {
  uint16_t pictureId = 0;
  std::vector<std::vector<uint8_t>> payloads;
};

// Every payload starts with a 4-octet descriptor: X=1, N=0, PID=0, S=1 on the
// first payload only, I=1 with M=1 and a 15-bit PictureID that increases by
// one per frame and wraps from 0x7FFF to 0. The frame's octets are spread over
// the fewest payloads that respect maxPayloadSize, with sizes that differ by
// at most one octet (so there is never one full packet and a tiny tail).
// Partition boundaries are not signalled (PID stays 0), which RFC 7741
// section 4.4 allows.
//
// Caller: one payloader per outgoing VP8 stream, used from one thread; hand
// every encoded frame to payload() in encode order and send all of its
// payloads, in order, as one frame (RtpSequencer::packetize).
class Vp8Payloader {
 public:
  static constexpr size_t kDescriptorSize = 4;

  // Throws std::invalid_argument when maxPayloadSize cannot hold the
  // descriptor and one octet of VP8 data.
  explicit Vp8Payloader(const Vp8PayloaderConfig& config = Vp8PayloaderConfig());

  // Splits frame.data. An empty frame yields no payloads and consumes no
  // PictureID. The frame's own pictureId field is ignored: the payloader
  // numbers frames itself and reports the number in the result.
  Vp8FramePayloads payload(const video::EncodedVideoFrame& frame);
  // The same for a bare VP8 frame.
  Vp8FramePayloads payload(ByteView vp8Frame);

  // PictureID the next non-empty frame will get.
  uint16_t nextPictureId() const { return nextPictureId_; }
  size_t maxPayloadSize() const { return maxPayloadSize_; }
  // Number of payloads a frame of `frameSize` octets is split into.
  size_t payloadCount(size_t frameSize) const;

 private:
  size_t maxPayloadSize_;
  uint16_t nextPictureId_;
};

}  // namespace parley::rtp

#endif  // PARLEY_RTP_VP8_PAYLOADER_H
