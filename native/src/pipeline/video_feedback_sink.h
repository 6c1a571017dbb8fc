// Where a receive stream sends its requests to the sender: NACK and PLI
// (RFC 4585 section 6.2.1 generic NACK, section 6.3.1 picture loss indication).
#ifndef PARLEY_PIPELINE_VIDEO_FEEDBACK_SINK_H
#define PARLEY_PIPELINE_VIDEO_FEEDBACK_SINK_H

#include <cstdint>
#include <vector>

namespace parley::pipeline {

// Implemented by the RTCP sender of a session, or in the loopback harness by
// the send stream itself. Called on the receive stream's decode thread; must
// not block.
class VideoFeedbackSink {
 public:
  virtual ~VideoFeedbackSink() = default;
  // Ask the sender of `mediaSsrc` to retransmit these RTP sequence numbers.
  virtual void sendNack(uint32_t mediaSsrc, const std::vector<uint16_t>& sequenceNumbers) = 0;
  // Ask the sender of `mediaSsrc` for a keyframe.
  virtual void sendPli(uint32_t mediaSsrc) = 0;
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_VIDEO_FEEDBACK_SINK_H
