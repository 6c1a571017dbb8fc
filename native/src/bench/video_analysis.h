// Figures of one video direction of the call harness (the sender's camera as
// the receiver drew it), from the stamps and the streams' counters.
#ifndef PARLEY_BENCH_VIDEO_ANALYSIS_H
#define PARLEY_BENCH_VIDEO_ANALYSIS_H

#include <cstdint>
#include <vector>

#include "bench/frame_recorders.h"

namespace parley::bench {

// One render gap over the freeze threshold.
struct CallFreeze {
  double atSeconds = 0;  // when the picture moved again, since start
  double gapMs = 0;
  int64_t sequence = -1; // the frame that ended it (-1: the window's end)
};

// -1 in a time means "not measured" (no frame rendered, no sample).
// Frame, freeze and latency figures cover the window [warm-up, end];
// counters (NACKs, PLIs, ...) are the window's differences too.
struct VideoFigures {
  int64_t framesCaptured = 0;    // the sender's camera, in the window
  int64_t framesEncoded = 0;     // the sender's encoder output
  int64_t framesSent = 0;        // encoded frames whose packets went out
  int64_t framesReceived = 0;    // assembled complete by the receiver's jitter buffer
  int64_t framesRendered = 0;    // pictures drawn (render() calls)
  int64_t framesUnique = 0;      // distinct captured frames among them
  int64_t framesDropped = 0;     // the jitter buffer gave up on them (late, undecodable, ...)
  int64_t framesMissing = 0;     // captured in the window, never drawn
  int64_t framesRepeated = 0;
  int64_t framesOutOfOrder = 0;
  int64_t stampsUnreadable = 0;
  double renderedFps = 0;        // distinct frames drawn per second
  int64_t freezes = 0;           // render gaps over the freeze limit
  double frozenMs = 0;           // sum of those gaps
  double frozenShare = 0;        // frozenMs / window
  double maxGapMs = 0;
  double freezeLimitMs = 0;      // max(freezeThresholdMs, 3 frame intervals)
  double latencyP50Ms = -1;      // capture -> drawn (same clock)
  double latencyP95Ms = -1;
  double latencyP99Ms = -1;
  double latencyMaxMs = -1;
  CodecTimes::Summary codec;     // encode/decode per frame (-1: none)
  double bitrateKbps = 0;        // video RTP bytes sent per second
  double jitterBufferDelayMs = -1;  // mean of the timeline's samples
  int jitterMs = 0;              // the receiver's jitter estimate at the end
  int64_t nacksSent = 0;         // receiver, sequence numbers NACKed
  int64_t plisSent = 0;
  int64_t retransmissions = 0;   // sender, packets resent on NACK
  int64_t nackMisses = 0;        // sender, no longer in its history
  int64_t resendsSuppressed = 0;
  int64_t keyframes = 0;
  int64_t packetsLost = 0;       // receiver's RTCP view
  int64_t packetsRecovered = 0;  // arrived after a NACK
  int64_t framesLate = 0;
  int64_t decodeErrors = 0;
  int64_t encoderFramesDropped = 0;
  std::vector<CallFreeze> freezeList;
};

// Frames, freezes and latency over [windowStartUs, windowEndUs) from the
// sender's capture log and the receiver's render events; `runStartUs` dates
// the freezes. A gap counts as frozen over freezeLimitMs.
void analyseVideo(const std::vector<int64_t>& captureUs, const std::vector<RenderEvent>& renders,
                  int64_t runStartUs, int64_t windowStartUs, int64_t windowEndUs,
                  double freezeLimitMs, VideoFigures& figures);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_VIDEO_ANALYSIS_H
