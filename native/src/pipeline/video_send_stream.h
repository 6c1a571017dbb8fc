// Send side of one video stream: raw frame -> VP8 encoder -> RFC 7741
// payloader -> RTP sequencer -> packet sink.
#ifndef PARLEY_PIPELINE_VIDEO_SEND_STREAM_H
#define PARLEY_PIPELINE_VIDEO_SEND_STREAM_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "codec/vp8_encoder.h"
#include "common/clock.h"
#include "pipeline/rtp_packet_sink.h"
#include "rtp/rtp_sequencer.h"
#include "rtp/vp8_payloader.h"
#include "video/video_frame.h"

namespace parley::pipeline {

struct VideoSendStreamConfig {
  Vp8EncoderConfig encoder;  // width/height follow the frames: a new size restarts the encoder
  rtp::RtpSequencerConfig rtp;
  rtp::Vp8PayloaderConfig payloader;
};

struct VideoSendStats {
  int64_t framesIn = 0;
  int64_t framesEncoded = 0;
  int64_t framesDropped = 0;  // dropped by the encoder's rate control
  int64_t keyframes = 0;
  int64_t encodeErrors = 0;
  int64_t packetsSent = 0;
  int64_t bytesSent = 0;      // RTP packets, headers included
  int64_t lastEncodeUs = 0;   // wall time of the last encode
  int64_t totalEncodeUs = 0;
};

// Encodes and packetizes frames on the caller's thread (the capture thread:
// no queue, so no added latency) and hands packets to the sink in order.
// sendFrame() from one thread; requestKeyframe(), setRates() and stats() from
// any thread. The sink must outlive the stream.
class VideoSendStream {
 public:
  // Hook for the bench: called after each encode with its wall time.
  class Observer {
   public:
    virtual ~Observer() = default;
    virtual void onVideoSendStreamEncoded(const video::VideoFrame& frame, int64_t encodeUs,
                                          size_t bytes, bool keyframe) = 0;
  };

  VideoSendStream(const VideoSendStreamConfig& config, RtpPacketSink& sink, const Clock& clock,
                  Observer* observer = nullptr);

  void sendFrame(const video::VideoFrame& frame);
  // The next frame is encoded as a keyframe (PLI, a new receiver, a switch).
  void requestKeyframe() { keyframeRequested_.store(true); }
  // Applied before the next frame.
  void setRates(int bitrateKbps, int fps);
  VideoSendStats stats() const;
  uint32_t ssrc() const { return sequencer_.ssrc(); }

 private:
  bool ensureEncoder(const video::VideoFrame& frame);

  VideoSendStreamConfig config_;
  RtpPacketSink& sink_;
  const Clock& clock_;
  Observer* observer_;
  std::unique_ptr<codec::Vp8Encoder> encoder_;
  rtp::Vp8Payloader payloader_;
  rtp::RtpSequencer sequencer_;
  std::vector<uint8_t> encoded_;
  std::atomic<bool> keyframeRequested_{false};
  std::atomic<int> pendingBitrateKbps_{0};
  std::atomic<int> pendingFps_{0};
  mutable std::mutex statsMutex_;
  VideoSendStats stats_;
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_VIDEO_SEND_STREAM_H
