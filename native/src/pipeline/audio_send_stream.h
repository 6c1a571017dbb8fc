// Send side of one audio stream: captured PCM -> 20 ms frames -> mute ->
// level meter -> Opus encoder -> RFC 7587 payload -> RTP sequencer -> sink.
#ifndef PARLEY_PIPELINE_AUDIO_SEND_STREAM_H
#define PARLEY_PIPELINE_AUDIO_SEND_STREAM_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "audio/level_meter.h"
#include "codec/opus_encoder.h"
#include "common/clock.h"
#include "pipeline/rtp_packet_sink.h"
#include "rtp/opus_payload.h"
#include "rtp/rtp_sequencer.h"

namespace parley::pipeline {

struct AudioSendStreamConfig {
  int bitrateBps = 32000;
  int complexity = 9;
  bool dtx = false;
  bool inbandFec = true;        // effective only while the expected loss is above 0
  int expectedLossPercent = 0;  // initial; then fed from RTCP by setExpectedLossPercent
  // clockRate is forced to 48000 (RFC 7587 section 4.1); payloadType as in SDP.
  rtp::RtpSequencerConfig rtp{0, 111, rtp::kOpusRtpClockRate, {}, {}};
};

struct AudioSendStats {
  int64_t samplesIn = 0;
  int64_t chunksRejected = 0;  // null input
  int64_t framesEncoded = 0;
  int64_t framesDtx = 0;  // encoded as DTX and not sent
  // 20 ms of RTP time left out because the capture time jumped ahead (the
  // device skipped frames): sent as a timestamp gap, like DTX.
  int64_t framesSkipped = 0;
  int64_t encodeErrors = 0;
  int64_t packetsSent = 0;
  int64_t bytesSent = 0;         // RTP packets, headers included
  int64_t payloadBytesSent = 0;  // Opus packets only
  int64_t lastEncodeUs = 0;
  int64_t totalEncodeUs = 0;
  // The settings as last requested (applied from the next frame).
  int bitrateBps = 0;
  int expectedLossPercent = 0;
  int complexity = 0;
  bool dtx = false;  // as configured (mute forces DTX on meanwhile)
  bool muted = false;
  double inputLevelDbfs = audio::LevelMeter::kFloorDbfs;  // last frame, after mute
  int inputLevel = 0;                                     // 0..100, peak-held
};

// Encodes mono 48 kHz audio on the caller's thread (the capture callback: no
// queue, no added latency) into 20 ms Opus frames and hands one RTP packet
// per frame to the sink, in order.
//  - onCapturedAudio takes any chunk size (10 ms is typical) and encodes each
//    20 ms as it completes; at most 20 ms is held back. One thread only.
//    When captureUs jumps 20 ms or more past the end of the previous chunk
//    (the device skipped frames), the RTP timestamps jump by the whole frames
//    missed (no packets, like DTX), keeping RTP time on capture time.
//  - Muted: the frames are replaced by digital silence and DTX is forced on,
//    so after Opus's 200 ms hangover only its 400 ms comfort-noise refresh
//    packets go out; the RTP timestamps keep running, and the first packet
//    after unmuting carries the marker bit (RFC 3551 section 4.1).
//  - The setters may be called from any thread; each takes effect before the
//    next frame is encoded.
// The sink must outlive the stream. Throws std::runtime_error if libopus
// cannot create an encoder.
class AudioSendStream {
 public:
  static constexpr int kSampleRate = 48000;
  static constexpr int kFrameSamples = 960;  // 20 ms

  AudioSendStream(const AudioSendStreamConfig& config, RtpPacketSink& sink, const Clock& clock);
  AudioSendStream(const AudioSendStream&) = delete;
  AudioSendStream& operator=(const AudioSendStream&) = delete;

  // captureUs: when the chunk's first sample was captured, on the clock the
  // RTCP sender reports map to NTP time. The RTP timestamp itself follows
  // the sample count (RFC 7587 section 4.1).
  void onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs);

  void setBitrate(int bitrateBps);  // 6000..510000, clamped
  // 0..100, clamped: the loss the far end reports (RTCP fraction lost). With
  // in-band FEC configured, libopus codes FEC only above 0 %; up to 5 % only
  // if the bitrate affords it at the current audio bandwidth (32 kbps
  // fullband does not), above 5 % it narrows the bandwidth to make room.
  // A report interval holds only a few dozen audio packets, so at a few
  // percent random loss many intervals see none: a rise takes effect at
  // once, a fall only once the higher value is kLossHoldUs old (a peak hold),
  // so FEC does not flap off between the reports that see the loss.
  void setExpectedLossPercent(int percent);
  static constexpr int64_t kLossHoldUs = 1'500'000;
  void setDtx(bool enabled);
  void setComplexity(int complexity);  // 0..10, clamped
  void setMuted(bool muted);

  AudioSendStats stats() const;
  uint32_t ssrc() const { return sequencer_.ssrc(); }
  // For RTCP sender reports and lip sync (RFC 3550 section 6.4.1): the RTP
  // timestamp of the last encoded frame's first sample and its capture time.
  // False before the first frame. Any thread.
  bool lastCaptureTimestamp(uint32_t* rtpTimestamp, int64_t* captureUs) const;

 private:
  void applyPendingSettings();
  void skipCaptureGap(int64_t captureUs);
  void encodeFrame();

  RtpPacketSink& sink_;
  const Clock& clock_;
  codec::OpusEncoder encoder_;     // capture thread
  rtp::RtpSequencer sequencer_;    // capture thread
  rtp::OpusRtpTimeline timeline_;  // capture thread
  audio::LevelMeter meter_;        // capture thread
  std::vector<int16_t> frame_;     // capture thread: the frame being assembled
  size_t filled_ = 0;
  int64_t frameCaptureUs_ = 0;  // of frame_[0]
  int64_t nextCaptureUs_ = 0;   // where the last chunk ended (capture thread)
  bool haveNextCapture_ = false;
  std::vector<uint8_t> encoded_;

  // Requested from any thread, applied by the capture thread.
  std::atomic<int> bitrateBps_;
  std::atomic<int> lossPercent_;  // what the encoder is told: the held peak
  std::mutex lossMutex_;
  int64_t lossPeakUs_ = 0;       // under lossMutex_: when lossPercent_ was last raised or reset
  bool lossReported_ = false;    // under lossMutex_: the config value is replaced at once
  std::atomic<bool> dtx_;
  std::atomic<int> complexity_;
  std::atomic<bool> muted_{false};
  std::atomic<bool> settingsChanged_{true};
  bool fec_;
  bool encoderDtx_ = false;  // what the encoder has now (capture thread)

  mutable std::mutex statsMutex_;
  AudioSendStats stats_;
  bool haveCapture_ = false;       // under statsMutex_
  uint32_t captureTimestamp_ = 0;  // under statsMutex_
  int64_t captureUs_ = 0;          // under statsMutex_
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_AUDIO_SEND_STREAM_H
