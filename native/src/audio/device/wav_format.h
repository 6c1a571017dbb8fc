// RIFF/WAVE header parsing and writing for 16-bit PCM (the software audio
// devices' file format).
#ifndef PARLEY_AUDIO_DEVICE_WAV_FORMAT_H
#define PARLEY_AUDIO_DEVICE_WAV_FORMAT_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace parley::audio {

// What a WAV header says about its audio.
struct WavFormat {
  int channels = 0;
  int sampleRate = 0;
  int bitsPerSample = 0;
  int blockAlign = 0;       // bytes per sample frame (all channels)
  uint64_t dataOffset = 0;  // where the samples start, from the start of the file
  // Bytes of samples the data chunk declares, rounded down to whole sample
  // frames. May exceed what the file really holds (streaming writers leave it
  // unfixed): readers must stop at the end of the file.
  uint64_t dataBytes = 0;
};

// Parses the head of a WAV file: `data` holds the first `size` bytes of the
// file, at least up to the header of its "data" chunk (the samples themselves
// need not be there). Accepts 16-bit integer PCM (format tag 1, or
// WAVE_FORMAT_EXTENSIBLE with the PCM sub-format) with 1 to 8 channels at any
// rate. Returns false with a one-line reason in *error (if given) for
// anything else: truncated or wrong chunk sizes, not RIFF/WAVE, another
// encoding, 0 channels, inconsistent block align or byte rate, no data chunk.
// Pure function of its input; never reads outside [data, data + size).
bool parseWavHeader(const uint8_t* data, size_t size, WavFormat* format, std::string* error);

// The canonical 44-byte header of a 16-bit PCM file with `channels` channels
// at `sampleRate` Hz and `dataBytes` bytes of samples (clamped so that the
// RIFF size fits in 32 bits).
std::vector<uint8_t> writeWavHeader(int channels, int sampleRate, uint32_t dataBytes);

// The largest data size a canonical 44-byte-header file can declare.
constexpr uint32_t kMaxWavDataBytes = 0xFFFFFFFFu - 36u;

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_DEVICE_WAV_FORMAT_H
