#include "capture/frame_stamp.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace parley::capture {
namespace {

constexpr int kPayloadBytes = 10;  // sequence (4) + capture time (6)
constexpr int kStampBytes = FrameStamp::kBits / 8;
static_assert(kStampBytes == kPayloadBytes + 2, "stamp = payload + CRC-16");

// A block whose mean luma falls between these is neither black nor white:
// the stamp is damaged (or absent), and the reader says so instead of
// guessing. The dead zone is the middle 70 of the 219 levels between black
// and white; through libvpx VP8 on the moving test pattern the block means
// stayed within 5 levels of black or white at 640x480 and 1280x720 (300 kbps)
// and within 33 at 160x120 (100 kbps, 4 px blocks).
constexpr int kDarkBelow = 90;
constexpr int kLightAbove = 160;

// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection,
// no final XOR (check value 0x29B1 for "123456789").
uint16_t crc16(const uint8_t* data, int size) {
  uint16_t crc = 0xFFFF;
  for (int i = 0; i < size; ++i) {
    crc = static_cast<uint16_t>(crc ^ (static_cast<uint16_t>(data[i]) << 8));
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 0x8000) != 0 ? static_cast<uint16_t>((crc << 1) ^ 0x1021)
                                : static_cast<uint16_t>(crc << 1);
    }
  }
  return crc;
}

std::array<uint8_t, kStampBytes> pack(const FrameStampValue& value) {
  std::array<uint8_t, kStampBytes> bytes{};
  for (int i = 0; i < 4; ++i) {
    bytes[i] = static_cast<uint8_t>(value.sequence >> (24 - 8 * i));
  }
  const uint64_t time = value.captureTimeMs & FrameStamp::kTimeMask;
  for (int i = 0; i < 6; ++i) {
    bytes[4 + i] = static_cast<uint8_t>(time >> (40 - 8 * i));
  }
  const uint16_t crc = crc16(bytes.data(), kPayloadBytes);
  bytes[kPayloadBytes] = static_cast<uint8_t>(crc >> 8);
  bytes[kPayloadBytes + 1] = static_cast<uint8_t>(crc);
  return bytes;
}

bool bitAt(const std::array<uint8_t, kStampBytes>& bytes, int index) {
  return ((bytes[index / 8] >> (7 - index % 8)) & 1) != 0;
}

void fillRect(uint8_t* plane, int stride, int x, int y, int w, int h, uint8_t value) {
  for (int row = y; row < y + h; ++row) {
    std::memset(plane + static_cast<size_t>(row) * stride + x, value, static_cast<size_t>(w));
  }
}

// Mean luma of the middle half (in both directions) of one block.
int innerMean(const uint8_t* y, int strideY, int x, int top, int block) {
  const int from = block / 4;
  const int to = block - block / 4;
  int sum = 0;
  for (int row = top + from; row < top + to; ++row) {
    const uint8_t* line = y + static_cast<size_t>(row) * strideY + x;
    for (int col = from; col < to; ++col) {
      sum += line[col];
    }
  }
  const int count = (to - from) * (to - from);
  return sum / count;
}

}  // namespace

int FrameStamp::blockSize(int width, int height) {
  if (width < kMinWidth || height < kMinHeight) {
    return 0;
  }
  // Scale with the width, but keep the band within a third of the height.
  // Round to whole 16x16 macroblocks where blocks are that large (a flipped
  // bit then repaints whole flat macroblocks, which costs the encoder a few
  // bytes instead of re-coding every macroblock the block straddles), else to
  // VP8's 4x4 transform blocks.
  const int side = std::min(width / kColumns, height / (3 * kRows));
  const int block = side >= 16 ? side / 16 * 16 : side / 4 * 4;
  return block >= kMinBlock ? block : 0;
}

int FrameStamp::bandHeight(int width, int height) { return kRows * blockSize(width, height); }

bool FrameStamp::write(video::VideoFrame& frame, const FrameStampValue& value) {
  if (frame.data.size() < video::VideoFrame::sizeFor(frame.width, frame.height)) {
    return false;
  }
  return write(frame.y(), frame.strideY(), frame.u(), frame.v(), frame.strideUV(), frame.width,
               frame.height, value);
}

bool FrameStamp::write(uint8_t* y, int strideY, uint8_t* u, uint8_t* v, int strideUV, int width,
                       int height, const FrameStampValue& value) {
  const int block = blockSize(width, height);
  if (block == 0 || width % 2 != 0 || height % 2 != 0) {
    return false;
  }
  const std::array<uint8_t, kStampBytes> bytes = pack(value);
  for (int index = 0; index < kBits; ++index) {
    const int x = (index % kColumns) * block;
    const int top = (index / kColumns) * block;
    fillRect(y, strideY, x, top, block, block, bitAt(bytes, index) ? kWhite : kBlack);
  }
  const int chromaWidth = kColumns * block / 2;
  const int chromaHeight = kRows * block / 2;
  fillRect(u, strideUV, 0, 0, chromaWidth, chromaHeight, 128);
  fillRect(v, strideUV, 0, 0, chromaWidth, chromaHeight, 128);
  return true;
}

std::optional<FrameStampValue> FrameStamp::read(const uint8_t* y, int strideY, int width,
                                                int height) {
  const int block = blockSize(width, height);
  if (y == nullptr || block == 0 || strideY < width) {
    return std::nullopt;
  }
  std::array<uint8_t, kStampBytes> bytes{};
  for (int index = 0; index < kBits; ++index) {
    const int mean =
        innerMean(y, strideY, (index % kColumns) * block, (index / kColumns) * block, block);
    if (mean > kDarkBelow && mean < kLightAbove) {
      return std::nullopt;
    }
    if (mean >= kLightAbove) {
      bytes[index / 8] = static_cast<uint8_t>(bytes[index / 8] | (0x80 >> (index % 8)));
    }
  }
  const uint16_t crc = crc16(bytes.data(), kPayloadBytes);
  if (bytes[kPayloadBytes] != static_cast<uint8_t>(crc >> 8) ||
      bytes[kPayloadBytes + 1] != static_cast<uint8_t>(crc)) {
    return std::nullopt;
  }
  FrameStampValue value;
  for (int i = 0; i < 4; ++i) {
    value.sequence = (value.sequence << 8) | bytes[i];
  }
  for (int i = 0; i < 6; ++i) {
    value.captureTimeMs = (value.captureTimeMs << 8) | bytes[4 + i];
  }
  return value;
}

std::optional<FrameStampValue> FrameStamp::read(const video::VideoFrame& frame) {
  if (frame.data.size() < static_cast<size_t>(frame.width) * static_cast<size_t>(frame.height)) {
    return std::nullopt;
  }
  return read(frame.y(), frame.strideY(), frame.width, frame.height);
}

}  // namespace parley::capture
