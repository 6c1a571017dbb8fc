// libFuzzer target: the WAV (RIFF/WAVE) header parser behind the WAV-file
// microphone stand-in (native/src/audio/device/wav_format.h).
//
// Checks that an accepted header describes what the parser promises (16-bit
// PCM, 1 to 8 channels, consistent block align) and that a header written for
// that format parses back to it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "audio/device/wav_format.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parley::audio::WavFormat format;
  std::string error;
  if (!parley::audio::parseWavHeader(data, size, &format, &error)) {
    FUZZ_CHECK(!error.empty());
    return 0;
  }
  FUZZ_CHECK(format.channels >= 1 && format.channels <= 8);
  FUZZ_CHECK(format.sampleRate > 0);
  const std::vector<uint8_t> written =
      parley::audio::writeWavHeader(format.channels, format.sampleRate, 0);
  parley::audio::WavFormat reread;
  FUZZ_CHECK(parley::audio::parseWavHeader(written.data(), written.size(), &reread, &error));
  FUZZ_CHECK(reread.channels == format.channels && reread.sampleRate == format.sampleRate);
  return 0;
}
