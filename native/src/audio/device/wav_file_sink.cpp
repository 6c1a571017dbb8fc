#include "audio/device/wav_file_sink.h"

#include <utility>

namespace parley::audio {

std::unique_ptr<WavFileAudioOutput> WavFileAudioOutput::open(const std::string& path, int frameMs,
                                                             std::string* error,
                                                             const Clock& clock) {
  if (!isValidDeviceFrameMs(frameMs)) {
    if (error) {
      *error = "audio frame length must be 10 or 20 ms, not " + std::to_string(frameMs);
    }
    return nullptr;
  }
  std::unique_ptr<WavFileWriter> writer = WavFileWriter::open(path, kDeviceSampleRate, error);
  if (!writer) {
    return nullptr;
  }
  return std::unique_ptr<WavFileAudioOutput>(
      new WavFileAudioOutput(std::move(writer), "WAV file " + path, frameMs, clock));
}

WavFileAudioOutput::WavFileAudioOutput(std::unique_ptr<WavFileWriter> writer, std::string name,
                                       int frameMs, const Clock& clock)
    : writer_(std::move(writer)),
      name_(std::move(name)),
      frameMs_(frameMs),
      clock_(clock),
      frame_(deviceFrameSamples(frameMs)) {}

WavFileAudioOutput::~WavFileAudioOutput() { stop(); }

bool WavFileAudioOutput::start(AudioRenderSource& source, std::string* error) {
  if (thread_ || !writer_) {
    if (error) {
      *error = "audio device already started";
    }
    return false;
  }
  thread_ = std::make_unique<PacedAudioThread>(
      clock_, frameMs_, [this, &source](int64_t dueUs) { tick(source, dueUs); });
  return thread_->start();
}

void WavFileAudioOutput::tick(AudioRenderSource& source, int64_t dueUs) {
  source.renderAudio(frame_.data(), frame_.size(), dueUs);
  frames_.fetch_add(1);
  if (!writer_->write(frame_.data(), frame_.size()) && !reportedError_) {
    reportedError_ = true;
    if (AudioDevice::Listener* listener = this->listener()) {
      listener->onAudioDeviceError("cannot write to " + name_ + " (disk full?)");
    }
  }
}

void WavFileAudioOutput::stop() {
  if (thread_) {
    thread_->stop();
  }
  if (writer_) {
    writer_->close();
  }
}

}  // namespace parley::audio
