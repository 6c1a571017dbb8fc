// Receive side of one audio stream: RTP packet -> parse -> stream checks ->
// RFC 7587 payload check -> AudioJitterBuffer (decode, PLC, FEC, stretch) ->
// speaker mute -> level meter -> audio device. This is the adapter that wires
// the plain jitter-buffer data structure (audio/audio_jitter_buffer.h) into
// the running call: the network thread pushes, the device thread pulls.
#ifndef PARLEY_PIPELINE_AUDIO_RECEIVE_STREAM_H
#define PARLEY_PIPELINE_AUDIO_RECEIVE_STREAM_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

#include "audio/audio_jitter_buffer.h"
#include "audio/level_meter.h"
#include "rtp/sequence_unwrapper.h"

namespace parley::pipeline {

struct AudioReceiveStreamConfig {
  audio::AudioJitterBuffer::Config jitter;
  uint8_t payloadType = 111;  // as agreed in SDP
  uint32_t remoteSsrc = 0;    // 0: take the first SSRC seen
};

struct AudioReceiveStats {
  int64_t packetsReceived = 0;  // every receiveRtpPacket call
  int64_t bytesReceived = 0;
  int64_t packetsMalformed = 0;    // not RTP, or not one valid Opus packet
  int64_t packetsOtherStream = 0;  // wrong payload type or SSRC
  int64_t packetsRejected = 0;     // refused by the jitter buffer (late, duplicate, invalid)
  int64_t samplesRendered = 0;
  int64_t renderErrors = 0;  // bad renderAudio arguments (filled with silence if possible)
  bool speakerMuted = false;
  double outputLevelDbfs = audio::LevelMeter::kFloorDbfs;  // last chunk, before speaker mute
  int outputLevel = 0;                                     // 0..100, peak-held
  audio::AudioJitterBuffer::Stats jitter;  // delay, concealment, FEC, late, discarded
};

// Thread model: receiveRtpPacket() on the network thread, renderAudio() on
// the audio device's callback thread, everything else from any thread; one
// mutex serialises the jitter buffer (held only for an insert or a pull, so
// the device callback never waits on the network for long).
// Time: arrivalUs and playoutUs come from one monotonic clock (the Clock the
// session uses). Malformed or foreign packets are counted and dropped.
// renderAudio always fills the buffer (silence until the first packet is due).
class AudioReceiveStream {
 public:
  static constexpr int kSampleRate = audio::AudioJitterBuffer::kSampleRate;

  explicit AudioReceiveStream(const AudioReceiveStreamConfig& config);  // throws if libopus fails
  AudioReceiveStream(const AudioReceiveStream&) = delete;
  AudioReceiveStream& operator=(const AudioReceiveStream&) = delete;

  void receiveRtpPacket(const uint8_t* data, size_t size, int64_t arrivalUs);
  // Fills pcm with `samples` mono 48 kHz samples (1..5760, e.g. 480 = 10 ms).
  // playoutUs: when the first of them is played (the callback time if the
  // device latency is unknown). Returns samples, or a negative ResultCode for
  // a null buffer or a bad count (then nothing is pulled).
  int renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs);
  // Speaker mute: renderAudio hands out zeros but keeps pulling, so the
  // buffer's timing and statistics go on as if playing.
  void setSpeakerMuted(bool muted) { speakerMuted_.store(muted); }

  // For lip sync: the RTP timestamp (wire value, 48 kHz) of the last sample
  // renderAudio handed out and when it is played (playoutUs of that call plus
  // the samples before it). False until playout has started (or while it
  // restarts). While time stretching is removing or adding a pitch period
  // the mapping is off by up to that period (10 ms) until the next frame.
  bool playoutTimestamp(uint32_t* rtpTimestamp, int64_t* playoutUs) const;

  AudioReceiveStats stats() const;
  uint32_t remoteSsrc() const;
  // Follow another stream (renegotiation; 0: latch the next one seen). The
  // sequence and timestamp unwrapping starts over; the jitter buffer restarts
  // by itself when the numbers jump.
  void setRemoteSsrc(uint32_t ssrc);

 private:
  mutable std::mutex mutex_;
  audio::AudioJitterBuffer buffer_;                 // under mutex_
  rtp::SequenceNumberUnwrapper sequenceUnwrapper_;  // under mutex_
  rtp::RtpTimestampUnwrapper timestampUnwrapper_;   // under mutex_
  audio::LevelMeter meter_;                         // under mutex_
  const uint8_t payloadType_;
  uint32_t remoteSsrc_;            // under mutex_
  bool havePlayout_ = false;       // under mutex_
  uint32_t playoutTimestamp_ = 0;  // under mutex_
  int64_t playoutUs_ = 0;          // under mutex_
  std::atomic<bool> speakerMuted_{false};
  AudioReceiveStats stats_;  // under mutex_
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_AUDIO_RECEIVE_STREAM_H
