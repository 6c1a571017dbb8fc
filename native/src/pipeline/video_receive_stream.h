// Receive side of one video stream: RTP packet -> parse -> VP8 depacketizer ->
// jitter buffer -> VP8 decoder -> renderer. This is the adapter that wires the
// plain jitter-buffer data structure (jitter/video_jitter_buffer.h) into a
// running pipeline.
#ifndef PARLEY_PIPELINE_VIDEO_RECEIVE_STREAM_H
#define PARLEY_PIPELINE_VIDEO_RECEIVE_STREAM_H

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "codec/vp8_decoder.h"
#include "common/clock.h"
#include "congestion/abs_send_time.h"
#include "congestion/abs_send_time_unwrapper.h"
#include "jitter/video_jitter_buffer.h"
#include "pipeline/video_feedback_sink.h"
#include "render/video_renderer.h"
#include "rtp/vp8_depacketizer.h"
#include "sync/sync_target.h"
#include "video/video_frame.h"

namespace parley::pipeline {

struct VideoReceiveStreamConfig {
  jitter::VideoJitterBuffer::Config jitter;
  int decoderThreads = 1;
  uint8_t payloadType = 96;
  uint32_t remoteSsrc = 0;  // 0: take the first SSRC seen
  // RFC 8285 id of abs-send-time (the session's): the jitter estimate then
  // measures the network alone, not the sender's encode-time variation.
  // 0, or packets without it: RTP timestamps only.
  uint8_t absSendTimeExtensionId = congestion::kAbsSendTimeExtensionId;
};

struct VideoReceiveStats {
  int64_t packetsReceived = 0;
  int64_t packetsMalformed = 0;    // not RTP, or a bad VP8 descriptor
  int64_t packetsOtherStream = 0;  // wrong payload type or SSRC
  int64_t framesDecoded = 0;
  int64_t decodeErrors = 0;        // corrupt frames: not shown, keyframe asked for
  int64_t framesRendered = 0;
  int64_t nacksSent = 0;           // NACK messages sent
  int64_t plisSent = 0;
  int64_t lastDecodeUs = 0;
  int64_t totalDecodeUs = 0;
  jitter::VideoJitterBuffer::Stats jitter;
};

// Owns a decode thread that takes frames from the jitter buffer when their
// playout time comes, decodes them and draws them. receiveRtpPacket() may be
// called from any thread (the network thread); it never blocks on decoding.
// The renderer, feedback sink and observer must outlive stop().
class VideoReceiveStream final : public sync::SyncTarget {
 public:
  // Hook for tests and the bench, on the decode thread after each render.
  class Observer {
   public:
    virtual ~Observer() = default;
    virtual void onVideoReceiveStreamRendered(const video::VideoFrame& frame, int64_t decodeUs) = 0;
  };

  VideoReceiveStream(const VideoReceiveStreamConfig& config, render::VideoRenderer* renderer,
                     VideoFeedbackSink* feedback, const Clock& clock,
                     Observer* observer = nullptr);
  ~VideoReceiveStream() override;
  VideoReceiveStream(const VideoReceiveStream&) = delete;
  VideoReceiveStream& operator=(const VideoReceiveStream&) = delete;

  void start();
  // Joins the decode thread; the renderer is not touched afterwards.
  void stop();
  // `retransmitted`: the packet came as a retransmission (RFC 4588 RTX); its
  // late arrival must not read as jitter.
  void receiveRtpPacket(const uint8_t* data, size_t size, bool retransmitted = false);
  // Draw into another renderer (null: decode only). Any thread; waits for a
  // draw in progress, so the old renderer may be destroyed once it returns.
  void setRenderer(render::VideoRenderer* renderer);
  void setRttMs(int rttMs);
  // sync::SyncTarget: lip sync holds video back for audio. Any thread.
  void setMinimumPlayoutDelayMs(int delayMs) override;

  // The frame drawn last: its RTP timestamp (as sent, 90 kHz) and when it was
  // drawn (this stream's clock). Lip sync pairs it with the sender reports.
  struct RenderedFrame {
    uint32_t rtpTimestamp = 0;
    int64_t renderedUs = 0;
  };
  std::optional<RenderedFrame> lastRenderedFrame() const;
  // The sender's SSRC (configured, or learnt from the first packet; 0 before).
  uint32_t remoteSsrc() const;
  VideoReceiveStats stats() const;

 private:
  void run();
  void sendFeedback(const std::vector<int64_t>& nacks, bool pli);
  void decodeAndRender(const video::EncodedVideoFrame& frame);

  const VideoReceiveStreamConfig config_;
  VideoFeedbackSink* const feedback_;
  const Clock& clock_;
  Observer* const observer_;
  codec::Vp8Decoder decoder_;      // decode thread
  video::VideoFrame decoded_;      // decode thread
  rtp::Vp8Depacketizer depacketizer_;  // under mutex_
  congestion::AbsSendTimeUnwrapper sendTimes_;  // under mutex_

  // Held while a picture is drawn (never with mutex_ held), so setRenderer()
  // can wait for a draw on the renderer it replaces to finish.
  std::mutex renderMutex_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  jitter::VideoJitterBuffer buffer_;   // under mutex_
  render::VideoRenderer* renderer_;    // under renderMutex_ and mutex_ (either to read)
  uint32_t remoteSsrc_;                // under mutex_
  bool running_ = false;
  std::optional<RenderedFrame> lastRendered_;  // under mutex_
  VideoReceiveStats stats_;            // under mutex_
  std::thread thread_;
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_VIDEO_RECEIVE_STREAM_H
