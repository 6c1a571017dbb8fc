#include "audio/device/null_sink.h"

namespace parley::audio {

std::unique_ptr<NullAudioOutput> NullAudioOutput::create(int frameMs, std::string* error,
                                                         const Clock& clock) {
  if (!isValidDeviceFrameMs(frameMs)) {
    if (error) {
      *error = "audio frame length must be 10 or 20 ms, not " + std::to_string(frameMs);
    }
    return nullptr;
  }
  return std::unique_ptr<NullAudioOutput>(new NullAudioOutput(frameMs, clock));
}

NullAudioOutput::NullAudioOutput(int frameMs, const Clock& clock)
    : frameMs_(frameMs), clock_(clock), frame_(deviceFrameSamples(frameMs)) {}

NullAudioOutput::~NullAudioOutput() { stop(); }

bool NullAudioOutput::start(AudioRenderSource& source, std::string* error) {
  if (thread_) {
    if (error) {
      *error = "audio device already started";
    }
    return false;
  }
  thread_ = std::make_unique<PacedAudioThread>(clock_, frameMs_, [this, &source](int64_t dueUs) {
    source.renderAudio(frame_.data(), frame_.size(), dueUs);
    frames_.fetch_add(1);
  });
  return thread_->start();
}

void NullAudioOutput::stop() {
  if (thread_) {
    thread_->stop();
  }
}

}  // namespace parley::audio
