// Echo mode's audio: what the speaker side plays is sent back as ours.
#ifndef PARLEY_CALL_ECHO_AUDIO_LOOP_H
#define PARLEY_CALL_ECHO_AUDIO_LOOP_H

#include <cstddef>
#include <cstdint>

#include "audio/device/audio_device.h"

namespace parley::call {

// Stands between the speaker and what it plays: each frame the speaker pulls
// from `played` (the receive stream: decoded, concealed, time-stretched
// audio, paced by the speaker's clock, the null speaker's too) is handed on,
// unchanged and with its playout time as its capture time, to `sentBack` (the
// send stream), as if a microphone had recorded it the moment it was heard.
// Runs on the speaker's thread only; both ends must outlive the speaker.
class EchoAudioLoop final : public audio::AudioRenderSource {
 public:
  EchoAudioLoop(audio::AudioRenderSource& played, audio::AudioCaptureSink& sentBack)
      : played_(played), sentBack_(sentBack) {}

  void renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) override {
    played_.renderAudio(pcm, samples, playoutUs);
    sentBack_.onCapturedAudio(pcm, samples, playoutUs);
  }

 private:
  audio::AudioRenderSource& played_;
  audio::AudioCaptureSink& sentBack_;
};

}  // namespace parley::call

#endif  // PARLEY_CALL_ECHO_AUDIO_LOOP_H
