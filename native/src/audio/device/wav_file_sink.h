// A synthetic speaker that records into a WAV file.
#ifndef PARLEY_AUDIO_DEVICE_WAV_FILE_SINK_H
#define PARLEY_AUDIO_DEVICE_WAV_FILE_SINK_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/device/audio_device.h"
#include "audio/device/paced_audio_thread.h"
#include "audio/device/wav_file_writer.h"
#include "common/clock.h"

namespace parley::audio {

// An AudioOutput that pulls frames from the source at real-time pace (like
// NullAudioOutput) and appends them to a 48 kHz mono 16-bit WAV file. The
// file is created by open() (clear *error when it cannot be) and its header
// sizes are fixed when stop() or the destructor closes it. A failed write
// (disk full) raises Listener::onAudioDeviceError once; pulling continues so
// the call goes on.
class WavFileAudioOutput final : public AudioOutput {
 public:
  static std::unique_ptr<WavFileAudioOutput> open(const std::string& path, int frameMs,
                                                  std::string* error,
                                                  const Clock& clock = SystemClock::instance());
  ~WavFileAudioOutput() override;
  bool start(AudioRenderSource& source, std::string* error) override;
  // Stops pulling and closes the file.
  void stop() override;
  std::string name() const override { return name_; }
  int frameMs() const override { return frameMs_; }
  int64_t framesPulled() const { return frames_.load(); }

 private:
  WavFileAudioOutput(std::unique_ptr<WavFileWriter> writer, std::string name, int frameMs,
                     const Clock& clock);
  void tick(AudioRenderSource& source, int64_t dueUs);

  std::unique_ptr<WavFileWriter> writer_;  // used by the thread until stop()
  const std::string name_;
  const int frameMs_;
  const Clock& clock_;
  std::vector<int16_t> frame_;
  std::atomic<int64_t> frames_{0};
  bool reportedError_ = false;
  std::unique_ptr<PacedAudioThread> thread_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_WAV_FILE_SINK_H
