#include "audio/device/wav_file_source.h"

#include <algorithm>
#include <utility>

namespace parley::audio {

std::unique_ptr<WavFileAudioInput> WavFileAudioInput::open(const std::string& path, bool loop,
                                                           int frameMs, std::string* error,
                                                           const Clock& clock) {
  if (!isValidDeviceFrameMs(frameMs)) {
    if (error) {
      *error = "audio frame length must be 10 or 20 ms, not " + std::to_string(frameMs);
    }
    return nullptr;
  }
  std::unique_ptr<WavFileReader> reader = WavFileReader::open(path, error);
  if (!reader) {
    return nullptr;
  }
  if (reader->format().sampleRate != kDeviceSampleRate) {
    if (error) {
      *error = "\"" + path + "\" is " + std::to_string(reader->format().sampleRate) +
               " Hz; audio files must be 48000 Hz (resampling is not supported)";
    }
    return nullptr;
  }
  return std::unique_ptr<WavFileAudioInput>(
      new WavFileAudioInput(std::move(reader), "WAV file " + path, loop, frameMs, clock));
}

WavFileAudioInput::WavFileAudioInput(std::unique_ptr<WavFileReader> reader, std::string name,
                                     bool loop, int frameMs, const Clock& clock)
    : reader_(std::move(reader)),
      name_(std::move(name)),
      loop_(loop),
      frameMs_(frameMs),
      clock_(clock),
      frame_(deviceFrameSamples(frameMs)) {}

WavFileAudioInput::~WavFileAudioInput() { stop(); }

bool WavFileAudioInput::start(AudioCaptureSink& sink, std::string* error) {
  if (thread_) {
    if (error) {
      *error = "audio device already started";
    }
    return false;
  }
  thread_ = std::make_unique<PacedAudioThread>(clock_, frameMs_,
                                               [this, &sink](int64_t dueUs) { tick(sink, dueUs); });
  return thread_->start();
}

void WavFileAudioInput::tick(AudioCaptureSink& sink, int64_t dueUs) {
  size_t got = 0;
  if (!endOfFile_.load(std::memory_order_relaxed)) {
    got = reader_->read(frame_.data(), frame_.size(), loop_);
    if (got < frame_.size()) {
      endOfFile_.store(true);
    }
  }
  std::fill(frame_.begin() + static_cast<std::ptrdiff_t>(got), frame_.end(), int16_t{0});
  sink.onCapturedAudio(frame_.data(), frame_.size(), dueUs);
}

void WavFileAudioInput::stop() {
  if (thread_) {
    thread_->stop();
  }
}

}  // namespace parley::audio
