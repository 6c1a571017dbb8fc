#include "audio/device/following_audio_device.h"

#include <utility>

#include "audio/device/audio_device_list.h"

namespace parley::audio {

template <class Device, class Endpoint>
std::unique_ptr<FollowingAudioDevice<Device, Endpoint>>
FollowingAudioDevice<Device, Endpoint>::open(std::shared_ptr<AudioDeviceFactory<Device>> factory,
                                             const std::string& deviceId, int frameMs,
                                             std::string* error, const Clock& clock) {
  if (!factory) {
    if (error) {
      *error = "no audio device factory";
    }
    return nullptr;
  }
  std::unique_ptr<Device> device = factory->openDevice(deviceId, frameMs, error);
  if (!device) {
    return nullptr;
  }
  std::unique_ptr<FollowingAudioDevice> self(
      new FollowingAudioDevice(std::move(factory), frameMs, clock));
  self->currentName_ = device->name();
  self->current_ = self->makeSlot(std::move(device), 0);
  return self;
}

template <class Device, class Endpoint>
FollowingAudioDevice<Device, Endpoint>::~FollowingAudioDevice() {
  stop();
}

template <class Device, class Endpoint>
typename FollowingAudioDevice<Device, Endpoint>::Slot
FollowingAudioDevice<Device, Endpoint>::makeSlot(std::unique_ptr<Device> device,
                                                 uint64_t generation) {
  Slot slot;
  slot.relay = std::make_unique<Relay>(this, generation);
  slot.device = std::move(device);
  slot.device->setListener(slot.relay.get());
  return slot;
}

template <class Device, class Endpoint>
bool FollowingAudioDevice<Device, Endpoint>::start(Endpoint& endpoint, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopped_ || endpoint_ || !current_.device) {
    if (error) {
      *error = "audio device already started or stopped";
    }
    return false;
  }
  endpoint_ = &endpoint;
  current_.gate = std::make_unique<Gate>(endpoint);
  return current_.device->start(*current_.gate, error);
}

template <class Device, class Endpoint>
void FollowingAudioDevice<Device, Endpoint>::destroy(std::vector<Slot>& slots) {
  for (Slot& slot : slots) {
    if (slot.device) {
      slot.device->stop();
      slot.device.reset();
    }
  }
  slots.clear();
}

template <class Device, class Endpoint>
void FollowingAudioDevice<Device, Endpoint>::stop() {
  std::vector<Slot> slots;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    slots = std::move(retired_);
    retired_.clear();
    slots.push_back(std::move(current_));
    current_ = Slot();
  }
  // Outside the lock: stopping joins device threads that may be waiting for
  // it inside handleLost (they then see stopped_ and return).
  destroy(slots);
}

template <class Device, class Endpoint>
std::string FollowingAudioDevice<Device, Endpoint>::name() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return currentName_;
}

template <class Device, class Endpoint>
int64_t FollowingAudioDevice<Device, Endpoint>::failovers() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return failovers_;
}

template <class Device, class Endpoint>
void FollowingAudioDevice<Device, Endpoint>::forwardError(const std::string& reason) {
  if (AudioDevice::Listener* listener = this->listener()) {
    listener->onAudioDeviceError(reason);
  }
}

template <class Device, class Endpoint>
void FollowingAudioDevice<Device, Endpoint>::handleLost(uint64_t generation,
                                                        const std::string& deviceName,
                                                        const std::string& reason) {
  std::vector<Slot> older;  // lost earlier; their threads are done with us
  Endpoint* endpoint = nullptr;
  uint64_t newGeneration = 0;
  bool giveUp = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_ || generation != generation_ || !current_.device) {
      return;  // stale, repeated or after stop()
    }
    older = std::move(retired_);
    retired_.clear();
    if (current_.gate) {
      current_.gate->close();
    }
    retired_.push_back(std::move(current_));  // its thread is the one running this
    current_ = Slot();
    endpoint = endpoint_;
    newGeneration = ++generation_;
    const bool quick = failovers_ > 0 && clock_.nowUs() - switchedAtUs_ < kHealthyAfterUs;
    quickFailovers_ = quick ? quickFailovers_ + 1 : 0;
    giveUp = quickFailovers_ >= kMaxQuickFailovers;
  }
  destroy(older);
  AudioDevice::Listener* listener = this->listener();
  if (listener) {
    listener->onAudioDeviceLost(deviceName, reason);
  }
  if (giveUp) {
    if (listener) {
      listener->onAudioDeviceError("audio device \"" + deviceName + "\" failed " +
                                   std::to_string(kMaxQuickFailovers) +
                                   " times in a row soon after opening; no more failover");
    }
    return;
  }

  std::string error;
  std::unique_ptr<Device> device = factory_->openDevice(defaultAudioDeviceId(), frameMs_, &error);
  Slot slot;
  bool ok = device != nullptr;
  if (ok) {
    slot = makeSlot(std::move(device), newGeneration);
    if (endpoint) {
      slot.gate = std::make_unique<Gate>(*endpoint);
      ok = slot.device->start(*slot.gate, &error);
    }
  }
  std::string newName;
  std::vector<Slot> unused;  // a default device that failed or came too late
  bool stopped = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped = stopped_;
    if (!stopped && ok) {
      current_ = std::move(slot);
      currentName_ = current_.device->name();
      newName = currentName_;
      ++failovers_;
      switchedAtUs_ = clock_.nowUs();
    } else {
      unused.push_back(std::move(slot));
    }
  }
  destroy(unused);
  if (stopped) {
    return;
  }
  if (!listener) {
    return;
  }
  if (ok) {
    listener->onAudioDeviceSwitched(deviceName, newName);
  } else {
    listener->onAudioDeviceError(
        "audio device \"" + deviceName +
        "\" was lost and the default device could not take over: " + error);
  }
}

template class FollowingAudioDevice<AudioInput, AudioCaptureSink>;
template class FollowingAudioDevice<AudioOutput, AudioRenderSource>;

}  // namespace parley::audio
