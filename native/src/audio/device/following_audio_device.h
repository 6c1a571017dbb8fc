// Device-loss failover: keeps a call's audio flowing by moving the stream to
// the system default device when the device in use goes away.
#ifndef PARLEY_AUDIO_DEVICE_FOLLOWING_AUDIO_DEVICE_H
#define PARLEY_AUDIO_DEVICE_FOLLOWING_AUDIO_DEVICE_H

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "audio/device/audio_device.h"
#include "common/clock.h"

namespace parley::audio {

// Opens devices of one kind by id ("default" or an id from listAudioDevices).
// Returns null with *error on failure. May be called from a device's event
// thread (during failover).
template <class Device>
class AudioDeviceFactory {
 public:
  virtual ~AudioDeviceFactory() = default;
  virtual std::unique_ptr<Device> openDevice(const std::string& deviceId, int frameMs,
                                             std::string* error) = 0;
};
using AudioInputFactory = AudioDeviceFactory<AudioInput>;
using AudioOutputFactory = AudioDeviceFactory<AudioOutput>;

namespace detail {

// Passes a device's audio on only while that device is the wrapper's current
// one: a lost device whose callbacks come back cannot reach the sink beside
// its replacement. Real-time safe (one atomic load).
class CaptureGate final : public AudioCaptureSink {
 public:
  explicit CaptureGate(AudioCaptureSink& target) : target_(target) {}
  void close() { open_.store(false, std::memory_order_release); }
  void onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) override {
    if (open_.load(std::memory_order_acquire)) {
      target_.onCapturedAudio(pcm, samples, captureUs);
    }
  }

 private:
  AudioCaptureSink& target_;
  std::atomic<bool> open_{true};
};

// The same for outputs: a closed gate renders silence.
class RenderGate final : public AudioRenderSource {
 public:
  explicit RenderGate(AudioRenderSource& target) : target_(target) {}
  void close() { open_.store(false, std::memory_order_release); }
  void renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) override {
    if (open_.load(std::memory_order_acquire)) {
      target_.renderAudio(pcm, samples, playoutUs);
    } else {
      std::fill(pcm, pcm + samples, int16_t{0});
    }
  }

 private:
  AudioRenderSource& target_;
  std::atomic<bool> open_{true};
};

template <class Endpoint>
struct GateFor;
template <>
struct GateFor<AudioCaptureSink> {
  using type = CaptureGate;
};
template <>
struct GateFor<AudioRenderSource> {
  using type = RenderGate;
};

}  // namespace detail

// An AudioInput/AudioOutput that forwards to a device from the factory and,
// when that device reports onAudioDeviceLost, tells its own Listener
// (onAudioDeviceLost once per lost device), opens the "default" device from
// the factory, starts it with the same sink/source and reports
// onAudioDeviceSwitched(from, to). If the default cannot be opened or
// started, it reports onAudioDeviceError and stays silent (no frames) until
// stopped; the caller may then open a new one. It also gives up (with
// onAudioDeviceError) when a device it switched to is lost within
// kHealthyAfterUs kMaxQuickFailovers times in a row: a default device that
// keeps failing must not make it reopen devices in a loop.
//
// The failover runs on the event thread of the lost device; the lost device
// is cut off from the sink/source at once (a gate) but stopped and destroyed
// later (at the next failover or stop()), never from its own thread.
// PortAudio v19 only refreshes its device list when no stream is open, so
// "default" means the default as PortAudio last saw it; with PulseAudio or
// PipeWire that is the sound server's "default", which follows the system. Thread-safe: stop() may
// be called from any thread except a Listener callback; after it returns, no device of this wrapper
// calls the sink/source or the Listener.
template <class Device, class Endpoint>
class FollowingAudioDevice final : public Device {
 public:
  // Opens `deviceId` through `factory` (shared: it is used again at every
  // failover); null with *error when that fails.
  static std::unique_ptr<FollowingAudioDevice> open(
      std::shared_ptr<AudioDeviceFactory<Device>> factory, const std::string& deviceId, int frameMs,
      std::string* error, const Clock& clock = SystemClock::instance());
  ~FollowingAudioDevice() override;

  bool start(Endpoint& endpoint, std::string* error) override;
  void stop() override;
  std::string name() const override;
  int frameMs() const override { return frameMs_; }
  // Successful moves to the default device so far.
  int64_t failovers() const;

  static constexpr int64_t kHealthyAfterUs = 5'000'000;
  static constexpr int kMaxQuickFailovers = 3;

 private:
  // Tells the wrapper which device (by generation) raised an event.
  class Relay final : public AudioDevice::Listener {
   public:
    Relay(FollowingAudioDevice* owner, uint64_t generation)
        : owner_(owner), generation_(generation) {}
    void onAudioDeviceLost(const std::string& deviceName, const std::string& reason) override {
      owner_->handleLost(generation_, deviceName, reason);
    }
    void onAudioDeviceError(const std::string& reason) override { owner_->forwardError(reason); }

   private:
    FollowingAudioDevice* owner_;
    uint64_t generation_;
  };
  using Gate = typename detail::GateFor<Endpoint>::type;
  // A device with the relay that listens to it and the gate it feeds; the
  // device is declared last so it goes first.
  struct Slot {
    std::unique_ptr<Relay> relay;
    std::unique_ptr<Gate> gate;
    std::unique_ptr<Device> device;
  };

  FollowingAudioDevice(std::shared_ptr<AudioDeviceFactory<Device>> factory, int frameMs,
                       const Clock& clock)
      : factory_(std::move(factory)), frameMs_(frameMs), clock_(clock) {}
  Slot makeSlot(std::unique_ptr<Device> device, uint64_t generation);
  void handleLost(uint64_t generation, const std::string& deviceName, const std::string& reason);
  void forwardError(const std::string& reason);
  static void destroy(std::vector<Slot>& slots);

  const std::shared_ptr<AudioDeviceFactory<Device>> factory_;
  const int frameMs_;
  const Clock& clock_;
  mutable std::mutex mutex_;  // guards everything below
  Slot current_;
  std::vector<Slot> retired_;
  Endpoint* endpoint_ = nullptr;
  uint64_t generation_ = 0;
  std::string currentName_;
  bool stopped_ = false;
  int64_t failovers_ = 0;
  int64_t switchedAtUs_ = 0;  // when the last failover succeeded
  int quickFailovers_ = 0;    // losses within kHealthyAfterUs of a failover, in a row
};

using FollowingAudioInput = FollowingAudioDevice<AudioInput, AudioCaptureSink>;
using FollowingAudioOutput = FollowingAudioDevice<AudioOutput, AudioRenderSource>;

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_FOLLOWING_AUDIO_DEVICE_H
