// parseWavHeader: a table of well-formed and malformed headers.
#include "audio/device/wav_format.h"

#include <gtest/gtest.h>

#include <cstring>

namespace parley::audio {
namespace {

// Builds a WAV head chunk by chunk, little-endian.
class WavBuilder {
 public:
  WavBuilder& id(const char* fourcc) {
    bytes_.insert(bytes_.end(), fourcc, fourcc + 4);
    return *this;
  }
  WavBuilder& u16(uint16_t v) {
    bytes_.push_back(static_cast<uint8_t>(v));
    bytes_.push_back(static_cast<uint8_t>(v >> 8));
    return *this;
  }
  WavBuilder& u32(uint32_t v) {
    for (int s = 0; s < 32; s += 8) bytes_.push_back(static_cast<uint8_t>(v >> s));
    return *this;
  }
  WavBuilder& raw(std::initializer_list<uint8_t> b) {
    bytes_.insert(bytes_.end(), b);
    return *this;
  }
  WavBuilder& zeros(size_t n) {
    bytes_.insert(bytes_.end(), n, 0);
    return *this;
  }
  // RIFF header with `size` (default: filled in by build()).
  WavBuilder& riff(uint32_t size = kAuto) {
    riffSize_ = size;
    return id("RIFF").u32(0).id("WAVE");
  }
  // A plain PCM fmt chunk.
  WavBuilder& fmt(uint16_t tag, uint16_t channels, uint32_t rate, uint16_t bits = 16,
                  int blockAlign = -1, int64_t byteRate = -1) {
    const uint16_t align = blockAlign >= 0 ? static_cast<uint16_t>(blockAlign)
                                           : static_cast<uint16_t>(channels * bits / 8);
    const uint32_t bps = byteRate >= 0 ? static_cast<uint32_t>(byteRate) : rate * align;
    return id("fmt ").u32(16).u16(tag).u16(channels).u32(rate).u32(bps).u16(align).u16(bits);
  }
  WavBuilder& data(uint32_t size, size_t actual = 0) { return id("data").u32(size).zeros(actual); }
  std::vector<uint8_t> build() const {
    std::vector<uint8_t> out = bytes_;
    if (out.size() >= 8 && std::memcmp(out.data(), "RIFF", 4) == 0) {
      const uint32_t size = riffSize_ == kAuto ? static_cast<uint32_t>(out.size() - 8) : riffSize_;
      for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<uint8_t>(size >> (8 * i));
    }
    return out;
  }

 private:
  static constexpr uint32_t kAuto = 0xFFFFFFFEu;
  std::vector<uint8_t> bytes_;
  uint32_t riffSize_ = kAuto;
};

// WAVE_FORMAT_EXTENSIBLE fmt chunk (40 bytes) with the given sub-format tag.
WavBuilder extensible(uint16_t subFormat) {
  WavBuilder b;
  b.riff().id("fmt ").u32(40).u16(0xFFFE).u16(2).u32(48000).u32(48000 * 4).u16(4).u16(16);
  b.u16(22).u16(16).u32(3).u16(subFormat);
  b.raw({0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71});
  return b;
}

struct ValidCase {
  const char* name;
  std::vector<uint8_t> bytes;
  int channels;
  int rate;
  uint64_t dataOffset;
  uint64_t dataBytes;
};

TEST(WavFormatTest, AcceptsWellFormedHeaders) {
  const ValidCase cases[] = {
      {"canonical mono 48 kHz", WavBuilder().riff().fmt(1, 1, 48000).data(960, 960).build(), 1,
       48000, 44, 960},
      {"stereo 44.1 kHz", WavBuilder().riff().fmt(1, 2, 44100).data(400, 400).build(), 2, 44100, 44,
       400},
      {"LIST chunk before data",
       WavBuilder().riff().fmt(1, 1, 48000).id("LIST").u32(4).id("INFO").data(2, 2).build(), 1,
       48000, 56, 2},
      {"odd chunk padded",
       WavBuilder().riff().fmt(1, 1, 48000).id("junk").u32(3).zeros(4).data(2, 2).build(), 1, 48000,
       56, 2},
      {"data size cut to whole frames", WavBuilder().riff().fmt(1, 2, 48000).data(7, 7).build(), 2,
       48000, 44, 4},
      {"streaming sizes (data past end)",
       WavBuilder().riff(0xFFFFFFFF).fmt(1, 1, 48000).data(0xFFFFFFF0).build(), 1, 48000, 44,
       0xFFFFFFF0},
      {"extensible PCM", extensible(1).data(8, 8).build(), 2, 48000, 68, 8},
      {"header only, samples not in the buffer",
       WavBuilder().riff(36 + 9600).fmt(1, 1, 48000).data(9600).build(), 1, 48000, 44, 9600},
  };
  for (const ValidCase& c : cases) {
    SCOPED_TRACE(c.name);
    WavFormat format;
    std::string error;
    ASSERT_TRUE(parseWavHeader(c.bytes.data(), c.bytes.size(), &format, &error)) << error;
    EXPECT_EQ(format.channels, c.channels);
    EXPECT_EQ(format.sampleRate, c.rate);
    EXPECT_EQ(format.bitsPerSample, 16);
    EXPECT_EQ(format.blockAlign, c.channels * 2);
    EXPECT_EQ(format.dataOffset, c.dataOffset);
    EXPECT_EQ(format.dataBytes, c.dataBytes);
  }
}

struct MalformedCase {
  const char* name;
  std::vector<uint8_t> bytes;
  const char* reason;  // the error must contain this
};

TEST(WavFormatTest, RejectsMalformedHeadersWithAReason) {
  const std::vector<uint8_t> good = WavBuilder().riff().fmt(1, 1, 48000).data(4, 4).build();
  const MalformedCase cases[] = {
      {"empty", {}, "truncated RIFF header (0 bytes)"},
      {"truncated RIFF header", std::vector<uint8_t>(good.begin(), good.begin() + 11),
       "truncated RIFF header"},
      {"not RIFF", WavBuilder().id("OggS").u32(100).id("WAVE").build(), "not a RIFF file"},
      {"big-endian RIFX", WavBuilder().id("RIFX").u32(100).id("WAVE").build(),
       "RIFX is not supported"},
      {"AVI not WAVE", WavBuilder().id("RIFF").u32(100).id("AVI ").build(),
       "RIFF form type is AVI , not WAVE"},
      {"RIFF size too small", WavBuilder().riff(2).fmt(1, 1, 48000).data(4, 4).build(),
       "RIFF size 2 too small"},
      {"header cut inside fmt", std::vector<uint8_t>(good.begin(), good.begin() + 30),
       "fmt chunk size 16 runs past"},
      {"header cut before data", std::vector<uint8_t>(good.begin(), good.begin() + 38),
       "truncated chunk header"},
      {"fmt chunk too short",
       WavBuilder()
           .riff()
           .id("fmt ")
           .u32(14)
           .u16(1)
           .u16(1)
           .u32(48000)
           .u32(96000)
           .u16(2)
           .data(0)
           .build(),
       "fmt chunk too short (14 bytes"},
      {"fmt size past the RIFF chunk", WavBuilder().riff(20).fmt(1, 1, 48000).data(4, 4).build(),
       "runs past the end of the RIFF chunk"},
      {"fmt size past the file",
       WavBuilder().riff(0xFFFFFFFF).id("fmt ").u32(1000).zeros(16).build(),
       "runs past the end of the file"},
      {"no fmt chunk", WavBuilder().riff().id("LIST").u32(0).build(), "no fmt chunk"},
      {"data before fmt", WavBuilder().riff().data(4, 4).fmt(1, 1, 48000).build(),
       "data chunk before fmt chunk"},
      {"no data chunk", WavBuilder().riff().fmt(1, 1, 48000).build(), "no data chunk"},
      {"two fmt chunks", WavBuilder().riff().fmt(1, 1, 48000).fmt(1, 1, 48000).data(4, 4).build(),
       "more than one fmt chunk"},
      {"IEEE float", WavBuilder().riff().fmt(3, 1, 48000, 32).data(4, 4).build(),
       "format tag 3 is not PCM"},
      {"A-law", WavBuilder().riff().fmt(6, 1, 8000, 8).data(4, 4).build(),
       "format tag 6 is not PCM"},
      {"extensible float", extensible(3).data(8, 8).build(), "sub-format is not PCM"},
      {"extensible too short",
       WavBuilder()
           .riff()
           .id("fmt ")
           .u32(18)
           .u16(0xFFFE)
           .u16(1)
           .u32(48000)
           .u32(96000)
           .u16(2)
           .u16(16)
           .u16(0)
           .data(0)
           .build(),
       "WAVE_FORMAT_EXTENSIBLE fmt chunk too short"},
      {"0 channels", WavBuilder().riff().fmt(1, 0, 48000, 16, 0, 0).data(4, 4).build(),
       "0 channels"},
      {"9 channels", WavBuilder().riff().fmt(1, 9, 48000).data(4, 4).build(),
       "9 channels (at most 8)"},
      {"0 Hz", WavBuilder().riff().fmt(1, 1, 0).data(4, 4).build(), "sample rate 0 Hz"},
      {"8-bit", WavBuilder().riff().fmt(1, 1, 48000, 8).data(4, 4).build(), "8-bit samples"},
      {"24-bit", WavBuilder().riff().fmt(1, 1, 48000, 24).data(4, 4).build(), "24-bit samples"},
      {"wrong block align", WavBuilder().riff().fmt(1, 2, 48000, 16, 2).data(4, 4).build(),
       "block align 2 does not match 2 channels"},
      {"wrong byte rate", WavBuilder().riff().fmt(1, 1, 48000, 16, 2, 48000).data(4, 4).build(),
       "byte rate 48000 does not match 48000 Hz x 2 bytes"},
  };
  for (const MalformedCase& c : cases) {
    SCOPED_TRACE(c.name);
    WavFormat format;
    format.channels = 99;
    std::string error;
    EXPECT_FALSE(parseWavHeader(c.bytes.data(), c.bytes.size(), &format, &error));
    EXPECT_NE(error.find(c.reason), std::string::npos) << error;
    EXPECT_EQ(error.rfind("bad WAV file: ", 0), 0u) << error;
    EXPECT_EQ(format.channels, 99);  // untouched on failure
  }
}

TEST(WavFormatTest, NullBufferAndNullErrorAreSafe) {
  WavFormat format;
  EXPECT_FALSE(parseWavHeader(nullptr, 100, &format, nullptr));
}

TEST(WavFormatTest, WrittenHeaderParsesBack) {
  const std::vector<uint8_t> header = writeWavHeader(1, 48000, 9600);
  ASSERT_EQ(header.size(), 44u);
  WavFormat format;
  std::string error;
  ASSERT_TRUE(parseWavHeader(header.data(), header.size(), &format, &error)) << error;
  EXPECT_EQ(format.channels, 1);
  EXPECT_EQ(format.sampleRate, 48000);
  EXPECT_EQ(format.dataOffset, 44u);
  EXPECT_EQ(format.dataBytes, 9600u);
  // RIFF size = 36 + data; byte rate = 96000.
  EXPECT_EQ(header[4] | (header[5] << 8) | (header[6] << 16), 36 + 9600);
  EXPECT_EQ(header[28] | (header[29] << 8) | (header[30] << 16), 96000);
}

TEST(WavFormatTest, HugeDataSizeIsClampedToTheRiffLimit) {
  const std::vector<uint8_t> header = writeWavHeader(1, 48000, 0xFFFFFFFFu);
  WavFormat format;
  std::string error;
  ASSERT_TRUE(parseWavHeader(header.data(), header.size(), &format, &error)) << error;
  EXPECT_EQ(format.dataBytes, uint64_t{kMaxWavDataBytes} - kMaxWavDataBytes % 2);
  EXPECT_EQ(header[4] & header[5] & header[6] & header[7], 0xFF);  // RIFF size 0xFFFFFFFF
}

}  // namespace
}  // namespace parley::audio
