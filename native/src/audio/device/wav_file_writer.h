// Writes 16-bit PCM mono samples to a WAV file.
#ifndef PARLEY_AUDIO_DEVICE_WAV_FILE_WRITER_H
#define PARLEY_AUDIO_DEVICE_WAV_FILE_WRITER_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace parley::audio {

// Creates (or truncates) a WAV file of 16-bit mono PCM at `sampleRate` and
// appends samples. The header is written first with sizes of 0 and fixed up
// on close() (and in the destructor), so an interrupted file is still
// readable by tolerant readers and a closed one by all. The file stops
// growing at the 4 GiB WAV limit; samples past it are counted as dropped.
// One thread at a time.
class WavFileWriter {
 public:
  static std::unique_ptr<WavFileWriter> open(const std::string& path, int sampleRate,
                                             std::string* error);
  ~WavFileWriter();
  WavFileWriter(const WavFileWriter&) = delete;
  WavFileWriter& operator=(const WavFileWriter&) = delete;

  // False once a write failed (disk full) or after close().
  bool write(const int16_t* pcm, size_t samples);
  // Fixes the sizes in the header and closes the file; false if that failed.
  // Safe to call more than once.
  bool close();

  uint64_t samplesWritten() const { return dataBytes_ / 2; }
  uint64_t samplesDropped() const { return dropped_; }

 private:
  WavFileWriter(std::FILE* file, int sampleRate) : file_(file), sampleRate_(sampleRate) {}

  std::FILE* file_;
  int sampleRate_;
  uint32_t dataBytes_ = 0;
  uint64_t dropped_ = 0;
  bool failed_ = false;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_WAV_FILE_WRITER_H
