// Frame stamp: a frame's sequence number and capture time written into the
// picture itself as large black and white blocks, and read back after the
// picture has been through an encoder, the network and a decoder.
#ifndef PARLEY_CAPTURE_FRAME_STAMP_H
#define PARLEY_CAPTURE_FRAME_STAMP_H

#include <cstdint>
#include <optional>

#include "video/video_frame.h"

namespace parley::capture {

// What a stamp carries.
struct FrameStampValue {
  uint32_t sequence = 0;
  // Capture time in milliseconds on the sender's clock, low 48 bits
  // (FrameStamp::kTimeMask): enough for 8900 years of Clock::nowMs().
  uint64_t captureTimeMs = 0;

  bool operator==(const FrameStampValue& other) const {
    return sequence == other.sequence && captureTimeMs == other.captureTimeMs;
  }
  bool operator!=(const FrameStampValue& other) const { return !(*this == other); }
};

// Writes and reads the stamp.
//
// Layout: a band at the top left of the picture, kRows rows of kColumns
// square blocks of `blockSize(width, height)` luma pixels: about width / 32,
// rounded down to a multiple of 16 from 16 px up (blocks then are whole VP8
// macroblocks, cheap to change from frame to frame) and to a multiple of 4
// below (whole 4x4 transform blocks). That is 4 px at 160x120, 8 at 320x240,
// 16 at 640x480, 32 at 1280x720, 48 at 1920x1080; the band is never taller
// than a third of the picture. The 96 blocks carry, most significant bit
// first, row by row: sequence (32 bits, big-endian), capture time (48 bits),
// and a CRC-16/CCITT-FALSE of those 10 bytes. A one is white (luma 235), a
// zero black (luma 16); the chroma under the band is neutral (128).
//
// The reader averages the middle of each block (away from the edges where the
// codec's ringing and loop filter live), and rejects the stamp when any block
// is neither clearly dark nor clearly light or the CRC does not match: a
// damaged stamp reads as "nothing", never as a wrong number.
//
// The caller must read with the width and height the picture was stamped at
// (the layout depends on both); pictures smaller than kMinWidth x kMinHeight
// cannot carry a stamp.
class FrameStamp {
 public:
  static constexpr int kColumns = 32;
  static constexpr int kRows = 3;
  static constexpr int kBits = kColumns * kRows;  // 32 + 48 + 16
  static constexpr int kMinBlock = 4;
  static constexpr int kMinWidth = kColumns * kMinBlock;   // 128
  static constexpr int kMinHeight = 3 * kRows * kMinBlock;  // 36
  static constexpr uint64_t kTimeMask = (uint64_t{1} << 48) - 1;
  static constexpr uint8_t kWhite = 235;
  static constexpr uint8_t kBlack = 16;

  // Side of one block in luma pixels for a picture of this size; 0 when the
  // picture is too small to carry a stamp.
  static int blockSize(int width, int height);
  // Luma rows the band covers (0 when the picture cannot carry a stamp).
  static int bandHeight(int width, int height);

  // Stamps a packed I420 frame; returns false (frame untouched) when the frame
  // is too small or its size is odd.
  static bool write(video::VideoFrame& frame, const FrameStampValue& value);
  // Same on separate planes with strides (width and height even).
  static bool write(uint8_t* y, int strideY, uint8_t* u, uint8_t* v, int strideUV, int width,
                    int height, const FrameStampValue& value);

  // Reads the stamp from a luma plane of width x height; nothing when there is
  // no readable stamp (absent, damaged, or the picture is too small).
  static std::optional<FrameStampValue> read(const uint8_t* y, int strideY, int width,
                                             int height);
  static std::optional<FrameStampValue> read(const video::VideoFrame& frame);
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_FRAME_STAMP_H
