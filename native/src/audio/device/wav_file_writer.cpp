#include "audio/device/wav_file_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "audio/device/wav_format.h"

namespace parley::audio {

std::unique_ptr<WavFileWriter> WavFileWriter::open(const std::string& path, int sampleRate,
                                                   std::string* error) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) {
    if (error) {
      *error = "cannot create WAV file \"" + path + "\": " + std::strerror(errno);
    }
    return nullptr;
  }
  const std::vector<uint8_t> header = writeWavHeader(1, sampleRate, 0);
  if (std::fwrite(header.data(), 1, header.size(), file) != header.size()) {
    std::fclose(file);
    if (error) {
      *error = "cannot write WAV file \"" + path + "\"";
    }
    return nullptr;
  }
  return std::unique_ptr<WavFileWriter>(new WavFileWriter(file, sampleRate));
}

WavFileWriter::~WavFileWriter() { close(); }

bool WavFileWriter::write(const int16_t* pcm, size_t samples) {
  if (!file_ || failed_) {
    return false;
  }
  size_t fit = samples;
  const uint64_t room = (kMaxWavDataBytes - dataBytes_) / 2;
  if (fit > room) {
    dropped_ += fit - room;
    fit = static_cast<size_t>(room);
  }
  // Little-endian on disk whatever the host order; a small stack buffer so a
  // frame never allocates.
  uint8_t bytes[1024];
  size_t done = 0;
  while (done < fit) {
    const size_t n = std::min(fit - done, sizeof bytes / 2);
    for (size_t i = 0; i < n; ++i) {
      const uint16_t v = static_cast<uint16_t>(pcm[done + i]);
      bytes[2 * i] = static_cast<uint8_t>(v);
      bytes[2 * i + 1] = static_cast<uint8_t>(v >> 8);
    }
    if (std::fwrite(bytes, 2, n, file_) != n) {
      failed_ = true;
      return false;
    }
    done += n;
    dataBytes_ += static_cast<uint32_t>(n * 2);
  }
  return true;
}

bool WavFileWriter::close() {
  if (!file_) {
    return !failed_;
  }
  const std::vector<uint8_t> header = writeWavHeader(1, sampleRate_, dataBytes_);
  bool ok = std::fseek(file_, 0, SEEK_SET) == 0 &&
            std::fwrite(header.data(), 1, header.size(), file_) == header.size();
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  failed_ = failed_ || !ok;
  return ok;
}

}  // namespace parley::audio
