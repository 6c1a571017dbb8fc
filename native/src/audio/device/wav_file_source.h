// A synthetic microphone that plays a WAV file.
#ifndef PARLEY_AUDIO_DEVICE_WAV_FILE_SOURCE_H
#define PARLEY_AUDIO_DEVICE_WAV_FILE_SOURCE_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/device/audio_device.h"
#include "audio/device/paced_audio_thread.h"
#include "audio/device/wav_file_reader.h"
#include "common/clock.h"

namespace parley::audio {

// An AudioInput that reads a 16-bit PCM WAV file (mono, or several channels
// mixed down) at real-time pace into the sink, on a PacedAudioThread. The
// file must be 48 kHz (no resampling): open() rejects other rates, like any
// unreadable or malformed file, with a clear *error. With `loop` the file
// starts over at its end; without, silence follows and endOfFile() is true.
class WavFileAudioInput final : public AudioInput {
 public:
  static std::unique_ptr<WavFileAudioInput> open(const std::string& path, bool loop, int frameMs,
                                                 std::string* error,
                                                 const Clock& clock = SystemClock::instance());
  ~WavFileAudioInput() override;
  bool start(AudioCaptureSink& sink, std::string* error) override;
  void stop() override;
  std::string name() const override { return name_; }
  int frameMs() const override { return frameMs_; }
  // True once the file ran out (never with loop). Any thread.
  bool endOfFile() const { return endOfFile_.load(); }

 private:
  WavFileAudioInput(std::unique_ptr<WavFileReader> reader, std::string name, bool loop, int frameMs,
                    const Clock& clock);
  void tick(AudioCaptureSink& sink, int64_t dueUs);

  std::unique_ptr<WavFileReader> reader_;
  const std::string name_;
  const bool loop_;
  const int frameMs_;
  const Clock& clock_;
  std::vector<int16_t> frame_;
  std::atomic<bool> endOfFile_{false};
  std::unique_ptr<PacedAudioThread> thread_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_WAV_FILE_SOURCE_H
