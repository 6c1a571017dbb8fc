// Everything one call's media counts, gathered from its stages.
#ifndef PARLEY_CALL_CALL_MEDIA_STATS_H
#define PARLEY_CALL_CALL_MEDIA_STATS_H

#include <optional>
#include <string>

#include "pipeline/audio_receive_stream.h"
#include "pipeline/audio_send_stream.h"
#include "pipeline/video_receive_stream.h"
#include "pipeline/video_send_stream.h"
#include "transport/media_session_config.h"

namespace parley::call {

// A snapshot: safe to keep. Stages that do not exist (no video in a voice
// call, a device that could not be opened) leave their part at zero.
struct CallMediaStats {
  transport::MediaSessionStats session;
  pipeline::AudioSendStats audioSend;
  pipeline::AudioReceiveStats audioReceive;
  pipeline::VideoSendStats videoSend;
  pipeline::VideoReceiveStats videoReceive;
  // Lip sync: how much later video is shown than the audio captured with it
  // (nullopt until both streams have sender reports and playout), and the
  // minimum delay it holds video back by.
  std::optional<int> lipSyncOffsetMs;
  int lipSyncVideoDelayMs = 0;
  bool microphoneOpen = false;
  bool speakerOpen = false;
  bool cameraOpen = false;
  std::string microphoneName;
  std::string speakerName;
};

}  // namespace parley::call

#endif  // PARLEY_CALL_CALL_MEDIA_STATS_H
