#include "audio/device/wav_format.h"

#include <cstring>

namespace parley::audio {

// A RIFF file is a tree of chunks: a four-character id, a 32-bit
// little-endian size of the body, the body, and a pad byte when the size is
// odd (Microsoft/IBM "Multimedia Programming Interface and Data
// Specifications 1.0", 1991, chapter 2 "RIFF"; WAVE in chapter 3). A plain
// PCM WAVE file:
//
//    offset  size  field
//     0       4    "RIFF"
//     4       4    RIFF size = file size - 8
//     8       4    "WAVE"
//    12       4    "fmt "
//    16       4    fmt size (16, 18 or 40)
//    20       2    wFormatTag (1 = PCM, 0xFFFE = WAVE_FORMAT_EXTENSIBLE)
//    22       2    nChannels
//    24       4    nSamplesPerSec
//    28       4    nAvgBytesPerSec = nSamplesPerSec * nBlockAlign
//    32       2    nBlockAlign = nChannels * wBitsPerSample / 8
//    34       2    wBitsPerSample
//   (36       2    cbSize, then for EXTENSIBLE: wValidBitsPerSample,
//                  dwChannelMask, 16-byte SubFormat GUID)
//    ..            other chunks ("LIST", "fact", ...) may come in between
//    36       4    "data"
//    40       4    data size
//    44            samples, interleaved, little-endian
namespace {

constexpr uint16_t kFormatPcm = 0x0001;
constexpr uint16_t kFormatExtensible = 0xFFFE;
constexpr int kMaxChannels = 8;
// KSDATAFORMAT_SUBTYPE_PCM {00000001-0000-0010-8000-00aa00389b71}: after the
// format tag in its first two bytes, the fixed tail every sub-format shares.
constexpr uint8_t kSubFormatTail[14] = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80,
                                        0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71};

uint16_t le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t le32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
void put16(std::vector<uint8_t>& out, uint16_t v) {
  out.push_back(static_cast<uint8_t>(v));
  out.push_back(static_cast<uint8_t>(v >> 8));
}
void put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) {
    out.push_back(static_cast<uint8_t>(v >> shift));
  }
}
void putId(std::vector<uint8_t>& out, const char* id) { out.insert(out.end(), id, id + 4); }

bool fail(std::string* error, const std::string& reason) {
  if (error) {
    *error = "bad WAV file: " + reason;
  }
  return false;
}

std::string chunkName(const uint8_t* id) {
  std::string name;
  for (int i = 0; i < 4; ++i) {
    name += (id[i] >= 0x20 && id[i] < 0x7F) ? static_cast<char>(id[i]) : '?';
  }
  return name;
}

// Checks the "fmt " chunk body (`size` bytes at `body`) and fills `format`.
bool parseFmt(const uint8_t* body, uint32_t size, WavFormat* format, std::string* error) {
  if (size < 16) {
    return fail(error, "fmt chunk too short (" + std::to_string(size) + " bytes, need 16)");
  }
  const uint16_t tag = le16(body);
  const int channels = le16(body + 2);
  const uint32_t rate = le32(body + 4);
  const uint32_t byteRate = le32(body + 8);
  const int blockAlign = le16(body + 12);
  const int bits = le16(body + 14);
  if (tag == kFormatExtensible) {
    if (size < 40 || le16(body + 16) < 22) {
      return fail(error, "WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
    }
    const uint8_t* guid = body + 24;
    if (le16(guid) != kFormatPcm ||
        std::memcmp(guid + 2, kSubFormatTail, sizeof kSubFormatTail) != 0) {
      return fail(error, "WAVE_FORMAT_EXTENSIBLE sub-format is not PCM");
    }
  } else if (tag != kFormatPcm) {
    return fail(error,
                "format tag " + std::to_string(tag) + " is not PCM (only 16-bit PCM is read)");
  }
  if (channels == 0) {
    return fail(error, "0 channels");
  }
  if (channels > kMaxChannels) {
    return fail(error, std::to_string(channels) + " channels (at most 8)");
  }
  if (rate == 0 || rate > 1'000'000) {
    return fail(error, "sample rate " + std::to_string(rate) + " Hz");
  }
  if (bits != 16) {
    return fail(error, std::to_string(bits) + "-bit samples (only 16-bit PCM is read)");
  }
  if (blockAlign != channels * 2) {
    return fail(error, "block align " + std::to_string(blockAlign) + " does not match " +
                           std::to_string(channels) + " channels of 16 bits");
  }
  if (byteRate != rate * static_cast<uint32_t>(blockAlign)) {
    return fail(error, "byte rate " + std::to_string(byteRate) + " does not match " +
                           std::to_string(rate) + " Hz x " + std::to_string(blockAlign) + " bytes");
  }
  format->channels = channels;
  format->sampleRate = static_cast<int>(rate);
  format->bitsPerSample = bits;
  format->blockAlign = blockAlign;
  return true;
}

}  // namespace

bool parseWavHeader(const uint8_t* data, size_t size, WavFormat* format, std::string* error) {
  if (!data || size < 12) {
    return fail(error, "truncated RIFF header (" + std::to_string(size) + " bytes)");
  }
  if (std::memcmp(data, "RIFF", 4) != 0) {
    return fail(error, std::memcmp(data, "RIFX", 4) == 0 ? "big-endian RIFX is not supported"
                                                         : "not a RIFF file");
  }
  if (std::memcmp(data + 8, "WAVE", 4) != 0) {
    return fail(error, "RIFF form type is " + chunkName(data + 8) + ", not WAVE");
  }
  const uint32_t riffSize = le32(data + 4);
  if (riffSize < 4) {
    return fail(error, "RIFF size " + std::to_string(riffSize) + " too small for a WAVE form");
  }
  // The RIFF chunk ends 8 + riffSize bytes in; chunks past it are not part
  // of the file (trailing junk). 64-bit arithmetic: no overflow.
  const uint64_t riffEnd = 8 + static_cast<uint64_t>(riffSize);
  WavFormat parsed;
  bool haveFmt = false;
  uint64_t pos = 12;
  while (true) {
    if (pos + 8 > riffEnd) {
      return fail(error, haveFmt ? "no data chunk" : "no fmt chunk");
    }
    if (pos + 8 > size) {
      return fail(error, "truncated chunk header at byte " + std::to_string(pos));
    }
    const uint8_t* id = data + pos;
    const uint32_t chunkSize = le32(data + pos + 4);
    const uint64_t body = pos + 8;
    if (std::memcmp(id, "fmt ", 4) == 0) {
      if (haveFmt) {
        return fail(error, "more than one fmt chunk");
      }
      if (body + chunkSize > size || body + chunkSize > riffEnd) {
        return fail(error, "fmt chunk size " + std::to_string(chunkSize) +
                               " runs past the end of the " +
                               (body + chunkSize > riffEnd ? "RIFF chunk" : "file"));
      }
      if (!parseFmt(data + body, chunkSize, &parsed, error)) {
        return false;
      }
      haveFmt = true;
    } else if (std::memcmp(id, "data", 4) == 0) {
      if (!haveFmt) {
        return fail(error, "data chunk before fmt chunk");
      }
      parsed.dataOffset = body;
      parsed.dataBytes = chunkSize - chunkSize % static_cast<uint32_t>(parsed.blockAlign);
      *format = parsed;
      return true;
    }
    pos = body + chunkSize + (chunkSize & 1u);
  }
}

std::vector<uint8_t> writeWavHeader(int channels, int sampleRate, uint32_t dataBytes) {
  if (dataBytes > kMaxWavDataBytes) {
    dataBytes = kMaxWavDataBytes;
  }
  const uint16_t blockAlign = static_cast<uint16_t>(channels * 2);
  std::vector<uint8_t> out;
  out.reserve(44);
  putId(out, "RIFF");
  put32(out, 36 + dataBytes);
  putId(out, "WAVE");
  putId(out, "fmt ");
  put32(out, 16);
  put16(out, kFormatPcm);
  put16(out, static_cast<uint16_t>(channels));
  put32(out, static_cast<uint32_t>(sampleRate));
  put32(out, static_cast<uint32_t>(sampleRate) * blockAlign);
  put16(out, blockAlign);
  put16(out, 16);
  putId(out, "data");
  put32(out, dataBytes);
  return out;
}

}  // namespace parley::audio
