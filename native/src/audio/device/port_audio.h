// The one wrapper of the PortAudio library (like mediasoup's DepLibSRTP):
// reference-counted Pa_Initialize/Pa_Terminate and one lock for the API.
#ifndef PARLEY_AUDIO_DEVICE_PORT_AUDIO_H
#define PARLEY_AUDIO_DEVICE_PORT_AUDIO_H

#include <mutex>
#include <string>

namespace parley::audio {

// PortAudio must be initialised before use and terminated as many times as it
// was initialised; its device list is only refreshed by a terminate/initialise
// cycle, so references are dropped as soon as they are not needed (listing
// devices takes a short-lived one) and a later list sees plugged devices.
//
// PortAudio's non-callback API is not thread-safe on every host API (ALSA),
// so every call outside a stream callback is made while holding apiMutex().
// Stream callbacks must never take it: Pa_StopStream waits for the callback
// while its caller holds the lock.
class PortAudio {
 public:
  // Holds one reference to the initialised library. ok() is false (and
  // error() says why) when Pa_Initialize failed; nothing else is needed.
  class Reference {
   public:
    Reference();
    ~Reference();
    Reference(const Reference&) = delete;
    Reference& operator=(const Reference&) = delete;
    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }

   private:
    bool ok_ = false;
    std::string error_;
  };

  // The lock for every PortAudio call outside stream callbacks (recursive, so
  // a helper that locks can be called from code that already holds it).
  static std::recursive_mutex& apiMutex();
  // Pa_GetErrorText with the error number, e.g. "Invalid device (-9996)".
  static std::string errorText(int paError);
  // Initialisations currently held (for tests).
  static int referenceCount();
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_PORT_AUDIO_H
