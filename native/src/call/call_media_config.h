// What one call's media is made of: the streams it sends and receives, the
// devices they use and the session that carries them.
#ifndef PARLEY_CALL_CALL_MEDIA_CONFIG_H
#define PARLEY_CALL_CALL_MEDIA_CONFIG_H

#include <cstdint>

#include "audio/device/audio_devices.h"
#include "parley/parley.h"
#include "pipeline/audio_receive_stream.h"
#include "pipeline/audio_send_stream.h"
#include "pipeline/video_receive_stream.h"
#include "pipeline/video_send_stream.h"
#include "sync/stream_synchronizer.h"
#include "transport/media_session_config.h"

namespace parley::call {

// The video receive settings of a call: NACK a gap as soon as it is seen
// (calls rarely see reordering, and every millisecond of the first request
// is a millisecond the repaired frame is late; libwebrtc does the same), and
// repeat that first NACK once shortly after, in case it was lost.
inline pipeline::VideoReceiveStreamConfig callVideoReceiveConfig() {
  pipeline::VideoReceiveStreamConfig config;
  config.jitter.nack.reorderPackets = 1;
  config.jitter.nack.reorderMs = 0;
  config.jitter.nack.firstRepeatMs = 20;  // a lost NACK costs 20 ms, not a round trip
  return config;
}

// The session settings of a call: the pacer lets up to 10 ms of its rate
// (2.5 x the target) leave as one burst after a quiet spell, so an ordinary
// frame leaves whole, or nearly, the moment it is encoded instead of
// trickling out over several milliseconds of added latency (libwebrtc's
// pacer allows 40 ms). A burst then occupies a link running at the target
// for at most 25 ms, so a bottleneck's queue stays short; keyframes and
// overshoots beyond it are still spread at the pacing rate.
inline transport::MediaSessionConfig callSessionConfig() {
  transport::MediaSessionConfig config;
  config.pacer.maxBurstUs = 10'000;
  return config;
}

// SSRCs 0 are drawn at random (ours) or learnt from the first authenticated
// packet (the peer's). Payload types are those agreed in SDP.
struct CallMediaConfig {
  bool audio = true;
  bool video = true;

  transport::MediaSessionConfig session = callSessionConfig();

  uint32_t audioSsrc = 0;
  uint32_t videoSsrc = 0;
  uint32_t videoRtxSsrc = 0;
  uint32_t remoteAudioSsrc = 0;
  uint32_t remoteVideoSsrc = 0;
  uint32_t remoteVideoRtxSsrc = 0;
  uint8_t audioPayloadType = 111;
  uint8_t videoPayloadType = 96;
  uint8_t videoRtxPayloadType = 97;  // 0: NACKed packets are resent as they were

  audio::AudioInputSpec microphone;
  // false: no microphone is opened (a side that only listens, as in the
  // bench's one-way runs); the speaker still plays what arrives.
  bool openMicrophone = true;
  audio::AudioOutputSpec speaker;
  pipeline::AudioSendStreamConfig audioSend;
  pipeline::AudioReceiveStreamConfig audioReceive;

  VideoSourceConfig camera;
  // false: no camera is opened at start (a side that only receives video,
  // as in the bench's one-way runs); switchCamera() still opens one.
  bool openCamera = true;
  // Echo mode (an echo-test peer): no camera or microphone is opened; the
  // peer's decoded video and played audio are sent back as ours (see
  // EchoVideoLoop, EchoAudioLoop). A speaker that cannot be opened is
  // replaced by the null speaker, which paces the echoed audio.
  bool echo = false;
  pipeline::VideoSendStreamConfig videoSend;
  pipeline::VideoReceiveStreamConfig videoReceive = callVideoReceiveConfig();

  // Fixed video bitrate (the bench's bitrateKbps): the encoder keeps it
  // whatever the session's rate control says; 0: follow the session.
  int fixedVideoBitrateKbps = 0;
  // Hooks for the bench (null: none): every encode and every render with
  // their wall times. Called on the capture and decode threads; must outlive
  // stop().
  pipeline::VideoSendStream::Observer* videoSendObserver = nullptr;
  pipeline::VideoReceiveStream::Observer* videoReceiveObserver = nullptr;

  sync::StreamSynchronizer::Config lipSync;
  // How often the call's housekeeping runs: lip sync, loss fed to Opus.
  int housekeepingIntervalMs = 100;
};

}  // namespace parley::call

#endif  // PARLEY_CALL_CALL_MEDIA_CONFIG_H
