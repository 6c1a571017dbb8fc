// A compressed VP8 frame: what the encoder emits and the jitter buffer hands
// to the decoder.
#ifndef PARLEY_VIDEO_ENCODED_FRAME_H
#define PARLEY_VIDEO_ENCODED_FRAME_H

#include <cstdint>
#include <vector>

namespace parley::video {

struct EncodedVideoFrame {
  // RTP timestamp (90 kHz), extended to 64 bits on the receive side.
  int64_t rtpTimestamp = 0;
  bool keyframe = false;
  // PictureID (15 bits) the frame was sent with, -1 when unknown.
  int pictureId = -1;
  int width = 0;   // set by the encoder; 0 on the receive side until decoded
  int height = 0;
  // Sender's capture time (encoder side only; the receiver learns it from RTCP
  // or the test-pattern stamp).
  int64_t captureTimeUs = 0;
  // Receive side: arrival of the first and of the last packet, receiver's clock.
  int64_t firstArrivalUs = 0;
  int64_t lastArrivalUs = 0;
  // Receive side: sequence numbers (extended) of the first and last packet.
  int64_t firstSequence = 0;
  int64_t lastSequence = 0;
  std::vector<uint8_t> data;
};

}  // namespace parley::video

#endif  // PARLEY_VIDEO_ENCODED_FRAME_H
