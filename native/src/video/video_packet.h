// One received RTP packet of a VP8 stream after depacketizing (RFC 7741): what
// the video jitter buffer needs to know about it. Produced by
// rtp/vp8_depacketizer, consumed by jitter/video_jitter_buffer.
#ifndef PARLEY_VIDEO_VIDEO_PACKET_H
#define PARLEY_VIDEO_VIDEO_PACKET_H

#include <cstdint>
#include <vector>

namespace parley::video {

struct VideoPacket {
  // RTP sequence number extended to 64 bits (rtp/sequence_unwrapper), so
  // ordering survives the 16-bit wrap.
  int64_t sequence = 0;
  // RTP timestamp (90 kHz) extended to 64 bits; all packets of one frame share it.
  int64_t rtpTimestamp = 0;
  // RTP marker bit: the last packet of a frame.
  bool marker = false;
  // VP8 descriptor S=1 and PID=0: the first packet of a frame.
  bool frameStart = false;
  // frameStart and the VP8 payload header's P bit is 0 (RFC 7741 section 4.3).
  bool keyframe = false;
  // 15-bit (or 7-bit) PictureID from the descriptor, -1 when absent.
  int pictureId = -1;
  // Receive time on the receiver's clock.
  int64_t arrivalTimeUs = 0;
  // Whether this packet was a retransmission (RTX) rather than the original.
  bool retransmitted = false;
  // The VP8 bitstream bytes this packet carries (payload descriptor removed).
  std::vector<uint8_t> payload;
};

}  // namespace parley::video

#endif  // PARLEY_VIDEO_VIDEO_PACKET_H
