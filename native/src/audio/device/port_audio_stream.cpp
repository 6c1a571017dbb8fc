#include "audio/device/port_audio_stream.h"

#include <portaudio.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace parley::audio {

// PortAudio's C callbacks, forwarding to the stream object.
struct PortAudioStreamCallbacks {
  static int process(const void* input, void* output, unsigned long frameCount,
                     const PaStreamCallbackTimeInfo* /*timeInfo*/, PaStreamCallbackFlags /*flags*/,
                     void* self) {
    return static_cast<PortAudioStream*>(self)->onStreamCallback(
        static_cast<const int16_t*>(input), static_cast<int16_t*>(output), frameCount);
  }
  static void finished(void* self) {
    auto* stream = static_cast<PortAudioStream*>(self);
    // Called on PortAudio's thread, possibly while stop() holds the API lock
    // waiting for it: only flags here.
    if (!stream->stopping_.load()) {
      stream->finishedUnasked_.store(true);
    }
  }
};

namespace {

const char* directionWord(AudioDirection direction) {
  return direction == AudioDirection::kInput ? "input" : "output";
}

}  // namespace

PortAudioStream::PortAudioStream(const Config& config, const Clock& clock)
    : config_(config), clock_(clock), watchdog_(config.watchdogTimeoutUs) {}

std::unique_ptr<PortAudioStream> PortAudioStream::open(const Config& config, const Clock& clock,
                                                       std::string* error) {
  std::string ignored;
  std::string& err = error ? *error : ignored;
  if (!isValidDeviceFrameMs(config.frameMs)) {
    err = "audio frame length must be 10 or 20 ms, not " + std::to_string(config.frameMs);
    return nullptr;
  }
  std::unique_ptr<PortAudioStream> self(new PortAudioStream(config, clock));
  if (!self->library_.ok()) {
    err = self->library_.error();
    return nullptr;
  }
  std::lock_guard<std::recursive_mutex> lock(PortAudio::apiMutex());
  const int index = findPortAudioDevice(config.deviceId, config.direction, &err);
  if (index < 0) {
    return nullptr;
  }
  const PaDeviceInfo* info = Pa_GetDeviceInfo(index);
  if (!info) {
    err = "audio device \"" + config.deviceId + "\" vanished while opening it";
    return nullptr;
  }
  self->deviceName_ = info->name ? info->name : "";
  const bool input = config.direction == AudioDirection::kInput;
  const double frameSeconds = config.frameMs / 1000.0;
  PaStreamParameters params{};
  params.device = index;
  params.channelCount = kDeviceChannels;
  params.sampleFormat = paInt16;
  params.suggestedLatency =
      std::max(input ? info->defaultLowInputLatency : info->defaultLowOutputLatency, frameSeconds);
  params.hostApiSpecificStreamInfo = nullptr;
  const PaStreamParameters* inParams = input ? &params : nullptr;
  const PaStreamParameters* outParams = input ? nullptr : &params;

  const PaError supported = Pa_IsFormatSupported(inParams, outParams, kDeviceSampleRate);
  if (supported != paFormatIsSupported) {
    err = "audio " + std::string(directionWord(config.direction)) + " device \"" +
          self->deviceName_ +
          "\" does not take 48000 Hz mono 16-bit audio: " + PortAudio::errorText(supported);
    return nullptr;
  }
  self->frame_.assign(deviceFrameSamples(config.frameMs), 0);
  PaStream* stream = nullptr;
  const PaError opened = Pa_OpenStream(&stream, inParams, outParams, kDeviceSampleRate,
                                       deviceFrameSamples(config.frameMs), paClipOff,
                                       &PortAudioStreamCallbacks::process, self.get());
  if (opened != paNoError) {
    err = "cannot open audio " + std::string(directionWord(config.direction)) + " device \"" +
          self->deviceName_ + "\": " + PortAudio::errorText(opened);
    return nullptr;
  }
  self->stream_ = stream;
  Pa_SetStreamFinishedCallback(stream, &PortAudioStreamCallbacks::finished);
  if (const PaStreamInfo* streamInfo = Pa_GetStreamInfo(stream)) {
    const double latency = input ? streamInfo->inputLatency : streamInfo->outputLatency;
    self->latencyUs_ = static_cast<int64_t>(latency * 1e6);
  }
  return self;
}

PortAudioStream::~PortAudioStream() {
  stop();
  if (monitor_.joinable()) {
    monitor_.detach();  // only when destroyed from its own listener callback
  }
  if (stream_) {
    std::lock_guard<std::recursive_mutex> lock(PortAudio::apiMutex());
    Pa_CloseStream(static_cast<PaStream*>(stream_));
    stream_ = nullptr;
  }
}

bool PortAudioStream::start(AudioCaptureSink* sink, AudioRenderSource* source,
                            AudioDevice::Listener* listener, std::string* error) {
  std::string ignored;
  std::string& err = error ? *error : ignored;
  const bool input = config_.direction == AudioDirection::kInput;
  if (started_) {
    err = "audio device already started";
    return false;
  }
  if ((input && (!sink || source)) || (!input && (!source || sink))) {
    err = std::string("an audio ") + directionWord(config_.direction) + " needs a " +
          (input ? "capture sink" : "render source");
    return false;
  }
  started_ = true;
  sink_ = sink;
  source_ = source;
  listener_ = listener;
  framePos_ = input ? 0 : frame_.size();  // output: render a fresh frame first
  watchdog_.arm(clock_.nowUs());
  {
    std::lock_guard<std::recursive_mutex> lock(PortAudio::apiMutex());
    const PaError result = Pa_StartStream(static_cast<PaStream*>(stream_));
    if (result != paNoError) {
      err = "cannot start audio device \"" + deviceName_ + "\": " + PortAudio::errorText(result);
      return false;
    }
  }
  running_ = true;
  monitor_ = std::thread([this] { monitor(); });
  return true;
}

void PortAudioStream::stop() {
  stopping_.store(true);
  {
    std::lock_guard<std::mutex> lock(monitorMutex_);
    monitorStop_ = true;
  }
  monitorWake_.notify_all();
  if (monitor_.joinable() && std::this_thread::get_id() != monitor_.get_id()) {
    monitor_.join();
  }
  if (running_) {
    running_ = false;
    std::lock_guard<std::recursive_mutex> lock(PortAudio::apiMutex());
    // Abort, not stop: no need to play out what is queued, and it returns
    // even when the device is gone.
    Pa_AbortStream(static_cast<PaStream*>(stream_));
  }
}

int PortAudioStream::onStreamCallback(const int16_t* input, int16_t* output, size_t frames) {
  const int64_t nowUs = clock_.nowUs();
  watchdog_.noteCallback(nowUs);
  if (stopping_.load(std::memory_order_relaxed)) {
    if (output) {
      std::memset(output, 0, frames * sizeof(int16_t));
    }
    return paContinue;
  }
  const size_t frameSamples = frame_.size();
  const int64_t frameUs = config_.frameMs * 1000;
  const bool capture = config_.direction == AudioDirection::kInput;
  if (!capture && !output) {
    return paContinue;
  }
  size_t done = 0;
  while (done < frames) {
    if (capture) {
      // Capture: fill the frame; deliver it when whole.
      const size_t n = std::min(frames - done, frameSamples - framePos_);
      if (input) {
        std::memcpy(frame_.data() + framePos_, input + done, n * sizeof(int16_t));
      } else {
        std::memset(frame_.data() + framePos_, 0, n * sizeof(int16_t));
      }
      framePos_ += n;
      done += n;
      if (framePos_ == frameSamples) {
        framePos_ = 0;
        if (sink_) {
          sink_->onCapturedAudio(frame_.data(), frameSamples, nowUs - frameUs - latencyUs_);
        }
      }
    } else {
      // Playout: render a frame when the last one is used up.
      if (framePos_ == frameSamples) {
        source_->renderAudio(frame_.data(), frameSamples, nowUs + latencyUs_);
        framePos_ = 0;
      }
      const size_t n = std::min(frames - done, frameSamples - framePos_);
      std::memcpy(output + done, frame_.data() + framePos_, n * sizeof(int16_t));
      framePos_ += n;
      done += n;
    }
  }
  return paContinue;
}

bool PortAudioStream::deviceLost(std::string* reason) {
  if (finishedUnasked_.load()) {
    *reason = "the stream ended by itself";
    return true;
  }
  {
    std::lock_guard<std::recursive_mutex> lock(PortAudio::apiMutex());
    const PaError active = Pa_IsStreamActive(static_cast<PaStream*>(stream_));
    if (active != 1 && !stopping_.load()) {
      *reason = active == 0 ? "the stream is no longer active" : PortAudio::errorText(active);
      return true;
    }
  }
  if (watchdog_.expired(clock_.nowUs())) {
    *reason = "no audio callback for " + std::to_string(config_.watchdogTimeoutUs / 1000) + " ms";
    return true;
  }
  return false;
}

void PortAudioStream::monitor() {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(monitorMutex_);
      if (monitorWake_.wait_for(lock, std::chrono::milliseconds(config_.pollMs),
                                [this] { return monitorStop_; })) {
        return;
      }
    }
    std::string reason;
    if (deviceLost(&reason)) {
      if (listener_ && !stopping_.load()) {
        listener_->onAudioDeviceLost(deviceName_, reason);
      }
      return;
    }
  }
}

}  // namespace parley::audio
