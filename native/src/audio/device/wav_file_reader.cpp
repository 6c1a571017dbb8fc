#include "audio/device/wav_file_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace parley::audio {

std::unique_ptr<WavFileReader> WavFileReader::open(const std::string& path, std::string* error) {
  std::string ignored;
  std::string& err = error ? *error : ignored;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    err = "cannot open WAV file \"" + path + "\": " + std::strerror(errno);
    return nullptr;
  }
  std::vector<uint8_t> head(kMaxHeaderBytes);
  const size_t got = std::fread(head.data(), 1, head.size(), file);
  WavFormat format;
  std::string reason;
  if (!parseWavHeader(head.data(), got, &format, &reason)) {
    std::fclose(file);
    err = "\"" + path + "\": " + reason;
    return nullptr;
  }
  // The real amount of data: the declared size, cut at the end of the file.
  uint64_t fileSize = 0;
  if (std::fseek(file, 0, SEEK_END) == 0) {
    const long end = std::ftell(file);
    fileSize = end > 0 ? static_cast<uint64_t>(end) : 0;
  }
  const uint64_t available = fileSize > format.dataOffset ? fileSize - format.dataOffset : 0;
  const uint64_t totalFrames =
      std::min(format.dataBytes, available) / static_cast<uint64_t>(format.blockAlign);
  if (totalFrames == 0) {
    std::fclose(file);
    err = "\"" + path + "\": WAV file has no samples";
    return nullptr;
  }
  std::unique_ptr<WavFileReader> reader(new WavFileReader(file, format, totalFrames));
  if (!reader->seekToStart()) {
    err = "\"" + path + "\": cannot seek to the samples";
    return nullptr;
  }
  return reader;
}

WavFileReader::WavFileReader(std::FILE* file, const WavFormat& format, uint64_t totalFrames)
    : file_(file), format_(format), totalFrames_(totalFrames) {}

WavFileReader::~WavFileReader() { std::fclose(file_); }

bool WavFileReader::seekToStart() {
  framePos_ = 0;
  return std::fseek(file_, static_cast<long>(format_.dataOffset), SEEK_SET) == 0;
}

size_t WavFileReader::read(int16_t* pcm, size_t samples, bool loop) {
  const size_t channels = static_cast<size_t>(format_.channels);
  size_t done = 0;
  while (done < samples) {
    if (framePos_ >= totalFrames_) {
      if (!loop || !seekToStart()) {
        break;
      }
    }
    const size_t want =
        static_cast<size_t>(std::min<uint64_t>(samples - done, totalFrames_ - framePos_));
    raw_.resize(want * channels * 2);
    const size_t frames = std::fread(raw_.data(), format_.blockAlign, want, file_);
    for (size_t i = 0; i < frames; ++i) {
      int32_t sum = 0;
      for (size_t c = 0; c < channels; ++c) {
        const uint8_t* p = &raw_[(i * channels + c) * 2];
        sum += static_cast<int16_t>(static_cast<uint16_t>(p[0] | (p[1] << 8)));
      }
      pcm[done + i] = static_cast<int16_t>(sum / static_cast<int32_t>(channels));
    }
    done += frames;
    framePos_ += frames;
    if (frames < want) {
      break;  // read error or the file shrank under us
    }
  }
  return done;
}

}  // namespace parley::audio
