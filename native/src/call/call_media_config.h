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

// SSRCs 0 are drawn at random (ours) or learnt from the first authenticated
// packet (the peer's). Payload types are those agreed in SDP.
struct CallMediaConfig {
  bool audio = true;
  bool video = true;

  transport::MediaSessionConfig session;

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
  audio::AudioOutputSpec speaker;
  pipeline::AudioSendStreamConfig audioSend;
  pipeline::AudioReceiveStreamConfig audioReceive;

  VideoSourceConfig camera;
  pipeline::VideoSendStreamConfig videoSend;
  pipeline::VideoReceiveStreamConfig videoReceive = callVideoReceiveConfig();

  sync::StreamSynchronizer::Config lipSync;
  // How often the call's housekeeping runs: lip sync, loss fed to Opus.
  int housekeepingIntervalMs = 100;
};

}  // namespace parley::call

#endif  // PARLEY_CALL_CALL_MEDIA_CONFIG_H
