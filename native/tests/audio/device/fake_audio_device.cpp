#include "audio/device/fake_audio_device.h"

#include <type_traits>
#include <utility>

namespace parley::audio::test {

bool FakeDeviceState::deliver(int16_t value, int64_t captureUs) {
  std::vector<int16_t> frame(deviceFrameSamples(frameMs), value);
  std::lock_guard<std::mutex> lock(mutex);
  if (!started || stopped || !sink) {
    return false;
  }
  sink->onCapturedAudio(frame.data(), frame.size(), captureUs);
  return true;
}

std::vector<int16_t> FakeDeviceState::pull(int64_t playoutUs) {
  std::vector<int16_t> frame(deviceFrameSamples(frameMs), 0);
  std::lock_guard<std::mutex> lock(mutex);
  if (!started || stopped || !source) {
    return {};
  }
  source->renderAudio(frame.data(), frame.size(), playoutUs);
  return frame;
}

void FakeDeviceState::lose(const std::string& reason) {
  std::lock_guard<std::mutex> events(eventMutex);
  AudioDevice::Listener* target = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex);
    target = destroyed ? nullptr : listener;
  }
  if (target) {
    target->onAudioDeviceLost(name, reason);
  }
}

bool FakeDeviceState::running() {
  std::lock_guard<std::mutex> lock(mutex);
  return started && !stopped && !destroyed;
}

template <class Device, class Endpoint>
bool FakeAudioDevice<Device, Endpoint>::start(Endpoint& endpoint, std::string* error) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (failStart_) {
    if (error) {
      *error = "fake start failure";
    }
    return false;
  }
  state_->started = true;
  state_->listener = this->listener();
  if constexpr (std::is_same_v<Endpoint, AudioCaptureSink>) {
    state_->sink = &endpoint;
  } else {
    state_->source = &endpoint;
  }
  return true;
}

template <class Device, class Endpoint>
std::unique_ptr<Device> FakeAudioDeviceFactory<Device, Endpoint>::openDevice(
    const std::string& deviceId, int frameMs, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string id = deviceId == "default" ? defaultId_ : deviceId;
  auto found = names_.find(id);
  if (found == names_.end() || failOpen_.count(id) > 0) {
    if (error) {
      *error = "no fake device \"" + deviceId + "\"";
    }
    return nullptr;
  }
  auto state = std::make_shared<FakeDeviceState>();
  state->id = deviceId;
  state->name = found->second;
  state->frameMs = frameMs;
  opened_.push_back(state);
  return std::make_unique<FakeAudioDevice<Device, Endpoint>>(state, failStart_.count(id) > 0);
}

template <class Device, class Endpoint>
std::vector<std::string> FakeAudioDeviceFactory<Device, Endpoint>::openedIds() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> ids;
  for (const auto& state : opened_) {
    ids.push_back(state->id);
  }
  return ids;
}

template class FakeAudioDevice<AudioInput, AudioCaptureSink>;
template class FakeAudioDevice<AudioOutput, AudioRenderSource>;
template class FakeAudioDeviceFactory<AudioInput, AudioCaptureSink>;
template class FakeAudioDeviceFactory<AudioOutput, AudioRenderSource>;

void RecordingDeviceListener::onAudioDeviceLost(const std::string& deviceName,
                                                const std::string& reason) {
  add("lost " + deviceName + ": " + reason);
}

void RecordingDeviceListener::onAudioDeviceSwitched(const std::string& fromName,
                                                    const std::string& toName) {
  add("switched " + fromName + " -> " + toName);
}

void RecordingDeviceListener::onAudioDeviceError(const std::string& reason) {
  add("error " + reason);
}

void RecordingDeviceListener::add(std::string event) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push_back(std::move(event));
  }
  arrived_.notify_all();
}

bool RecordingDeviceListener::waitForEvents(size_t count) {
  std::unique_lock<std::mutex> lock(mutex_);
  return arrived_.wait_for(lock, kSafetyTimeout, [&] { return events_.size() >= count; });
}

std::vector<std::string> RecordingDeviceListener::events() {
  std::lock_guard<std::mutex> lock(mutex_);
  return events_;
}

void RecordingCaptureSink::onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (count_++ < kKeep) {
      frames_.emplace_back(pcm, pcm + samples);
      times_.push_back(captureUs);
    }
  }
  arrived_.notify_all();
}

bool RecordingCaptureSink::waitForFrames(size_t count) {
  std::unique_lock<std::mutex> lock(mutex_);
  return arrived_.wait_for(lock, kSafetyTimeout, [&] { return count_ >= count; });
}

std::vector<std::vector<int16_t>> RecordingCaptureSink::frames() {
  std::lock_guard<std::mutex> lock(mutex_);
  return frames_;
}

std::vector<int64_t> RecordingCaptureSink::times() {
  std::lock_guard<std::mutex> lock(mutex_);
  return times_;
}

size_t RecordingCaptureSink::count() {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

void CountingRenderSource::renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) {
  int16_t value = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
    if (times_.size() < kKeep) {
      times_.push_back(playoutUs);
    }
    value = static_cast<int16_t>(count_);
  }
  for (size_t i = 0; i < samples; ++i) {
    pcm[i] = value;
  }
  pulled_.notify_all();
}

bool CountingRenderSource::waitForPulls(size_t count) {
  std::unique_lock<std::mutex> lock(mutex_);
  return pulled_.wait_for(lock, kSafetyTimeout, [&] { return count_ >= count; });
}

std::vector<int64_t> CountingRenderSource::times() {
  std::lock_guard<std::mutex> lock(mutex_);
  return times_;
}

size_t CountingRenderSource::count() {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

}  // namespace parley::audio::test
