// Reads 16-bit PCM samples from a WAV file, as mono.
#ifndef PARLEY_AUDIO_DEVICE_WAV_FILE_READER_H
#define PARLEY_AUDIO_DEVICE_WAV_FILE_READER_H

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "audio/device/wav_format.h"

namespace parley::audio {

// Opens a WAV file, checks its header with parseWavHeader and hands out its
// samples mixed down to mono (the mean of the channels). Any sample rate is
// read; the caller checks format().sampleRate. open() returns null with
// *error for a missing file, a bad header or a file without samples.
// One thread at a time.
class WavFileReader {
 public:
  // The header must lie within the first kMaxHeaderBytes of the file.
  static constexpr size_t kMaxHeaderBytes = 1 << 20;

  static std::unique_ptr<WavFileReader> open(const std::string& path, std::string* error);
  ~WavFileReader();
  WavFileReader(const WavFileReader&) = delete;
  WavFileReader& operator=(const WavFileReader&) = delete;

  const WavFormat& format() const { return format_; }
  // Sample frames in the file (what the data chunk declares, or less when
  // the file is shorter).
  uint64_t totalFrames() const { return totalFrames_; }

  // Fills up to `samples` mono samples. At the end of the data it starts over
  // when `loop`, else it stops. Returns how many samples were written (fewer
  // than asked only at the end without loop, or on a read error).
  size_t read(int16_t* pcm, size_t samples, bool loop);

 private:
  WavFileReader(std::FILE* file, const WavFormat& format, uint64_t totalFrames);
  bool seekToStart();

  std::FILE* file_;
  WavFormat format_;
  uint64_t totalFrames_;
  uint64_t framePos_ = 0;
  std::vector<uint8_t> raw_;  // reused read buffer, bounded by one request
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_WAV_FILE_READER_H
