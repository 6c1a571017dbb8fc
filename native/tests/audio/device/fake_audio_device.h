// Test-only fakes for the audio device interfaces: devices the test drives by
// hand (deliver a frame, pull a frame, "unplug"), a factory that hands them
// out by id, a clock safe to read from device threads, and a sink/source
// that record what they see.
#ifndef PARLEY_TESTS_AUDIO_DEVICE_FAKE_AUDIO_DEVICE_H
#define PARLEY_TESTS_AUDIO_DEVICE_FAKE_AUDIO_DEVICE_H

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "audio/device/audio_device.h"
#include "audio/device/following_audio_device.h"
#include "common/clock.h"

namespace parley::audio::test {

// A fake clock that device threads may read while the test moves it.
class AtomicFakeClock final : public Clock {
 public:
  explicit AtomicFakeClock(int64_t startUs = 1'000'000) : nowUs_(startUs) {}
  int64_t nowUs() const override { return nowUs_.load(); }
  void advanceMs(int64_t ms) { nowUs_.fetch_add(ms * 1000); }

 private:
  std::atomic<int64_t> nowUs_;
};

// What a fake device did and what it is connected to; outlives the device
// (the failover wrapper owns and destroys devices), so tests can look back.
struct FakeDeviceState {
  std::string id;
  std::string name;
  int frameMs = 0;
  std::mutex mutex;
  // Held while an event is being raised; the device's destructor takes it,
  // as a real device joins its event thread before it goes.
  std::mutex eventMutex;
  bool started = false;
  bool stopped = false;
  bool destroyed = false;
  AudioCaptureSink* sink = nullptr;
  AudioRenderSource* source = nullptr;
  AudioDevice::Listener* listener = nullptr;

  // Delivers one frame of `value` to the sink (input) if running.
  bool deliver(int16_t value, int64_t captureUs = 0);
  // Pulls one frame from the source (output) if running; empty if not.
  std::vector<int16_t> pull(int64_t playoutUs = 0);
  // Unplugs the device: raises onAudioDeviceLost, as a real device's event
  // thread would.
  void lose(const std::string& reason);
  bool running();
};

// An AudioInput or AudioOutput whose behaviour is FakeDeviceState.
template <class Device, class Endpoint>
class FakeAudioDevice final : public Device {
 public:
  FakeAudioDevice(std::shared_ptr<FakeDeviceState> state, bool failStart)
      : state_(std::move(state)), failStart_(failStart) {}
  ~FakeAudioDevice() override {
    std::lock_guard<std::mutex> events(state_->eventMutex);
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->destroyed = true;
    state_->sink = nullptr;
    state_->source = nullptr;
    state_->listener = nullptr;
  }
  bool start(Endpoint& endpoint, std::string* error) override;
  void stop() override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->stopped = true;
  }
  std::string name() const override { return state_->name; }
  int frameMs() const override { return state_->frameMs; }

 private:
  std::shared_ptr<FakeDeviceState> state_;
  bool failStart_;
};

using FakeAudioInput = FakeAudioDevice<AudioInput, AudioCaptureSink>;
using FakeAudioOutput = FakeAudioDevice<AudioOutput, AudioRenderSource>;

// Opens fake devices: ids map to names with addDevice(); "default" opens
// whatever defaultName() says (so a test can "change" the system default).
template <class Device, class Endpoint>
class FakeAudioDeviceFactory final : public AudioDeviceFactory<Device> {
 public:
  void addDevice(const std::string& id, const std::string& name) { names_[id] = name; }
  void setDefault(const std::string& id) { defaultId_ = id; }
  void failOpen(const std::string& id) { failOpen_.insert(id); }
  void failStart(const std::string& id) { failStart_.insert(id); }

  std::unique_ptr<Device> openDevice(const std::string& deviceId, int frameMs,
                                     std::string* error) override;

  // Every device opened so far, in order (their states).
  std::vector<std::shared_ptr<FakeDeviceState>> opened() {
    std::lock_guard<std::mutex> lock(mutex_);
    return opened_;
  }
  std::vector<std::string> openedIds();

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> names_;
  std::string defaultId_;
  std::set<std::string> failOpen_;
  std::set<std::string> failStart_;
  std::vector<std::shared_ptr<FakeDeviceState>> opened_;
};

using FakeAudioInputFactory = FakeAudioDeviceFactory<AudioInput, AudioCaptureSink>;
using FakeAudioOutputFactory = FakeAudioDeviceFactory<AudioOutput, AudioRenderSource>;

// Records every event of an AudioDevice.
class RecordingDeviceListener final : public AudioDevice::Listener {
 public:
  void onAudioDeviceLost(const std::string& deviceName, const std::string& reason) override;
  void onAudioDeviceSwitched(const std::string& fromName, const std::string& toName) override;
  void onAudioDeviceError(const std::string& reason) override;
  std::vector<std::string> events();
  // Waits until `count` events arrived (true) or the safety timeout passed.
  bool waitForEvents(size_t count);

 private:
  void add(std::string event);

  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<std::string> events_;
};

// A capture sink that keeps the first kKeep frames (and counts them all) and
// lets a test wait until some have arrived.
class RecordingCaptureSink final : public AudioCaptureSink {
 public:
  static constexpr size_t kKeep = 200;

  void onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) override;
  // Waits until `count` frames arrived (true) or a generous safety timeout
  // passed (false, the test then fails); this is not a timing assertion.
  bool waitForFrames(size_t count);
  std::vector<std::vector<int16_t>> frames();
  std::vector<int64_t> times();
  size_t count();

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<std::vector<int16_t>> frames_;
  std::vector<int64_t> times_;
  size_t count_ = 0;
};

// A render source that fills frame n with the value n + 1 and records when
// it was asked (the first kKeep times); the test can wait for pulls like
// RecordingCaptureSink.
class CountingRenderSource final : public AudioRenderSource {
 public:
  void renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) override;
  static constexpr size_t kKeep = 200;

  bool waitForPulls(size_t count);
  std::vector<int64_t> times();
  size_t count();

 private:
  std::mutex mutex_;
  std::condition_variable pulled_;
  std::vector<int64_t> times_;
  size_t count_ = 0;
};

// How long waitFor* waits before declaring the test failed.
constexpr std::chrono::seconds kSafetyTimeout{20};

}  // namespace parley::audio::test

#endif  // PARLEY_TESTS_AUDIO_DEVICE_FAKE_AUDIO_DEVICE_H
