// Reader of YUV4MPEG2 (.y4m) files: raw planar frames behind a text header.
#ifndef PARLEY_CAPTURE_Y4M_READER_H
#define PARLEY_CAPTURE_Y4M_READER_H

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "video/video_frame.h"

namespace parley::capture {

// Sample layout a Y4M file declares with its C tag.
enum class Y4mChroma {
  k420,   // C420jpeg, C420paldv, C420mpeg2, C420, or no C tag: 8-bit 4:2:0
  kMono,  // Cmono: luma only (8-bit)
};

// The stream header. Width and height are the file's own (possibly odd);
// frames come out cropped to the even size below.
struct Y4mHeader {
  int width = 0;
  int height = 0;
  int fpsNumerator = 25;  // F tag; 25:1 when absent, as ffmpeg assumes
  int fpsDenominator = 1;
  Y4mChroma chroma = Y4mChroma::k420;
  std::string colourspace = "420jpeg";  // the C tag's value as written

  double fps() const { return static_cast<double>(fpsNumerator) / fpsDenominator; }
  // Bytes of one frame's samples in the file.
  int64_t frameBytes() const;
};

// Reads a YUV4MPEG2 file frame by frame, going back to the first frame after
// the last.
//
// Format: the line "YUV4MPEG2" followed by space-separated tags (W<width>,
// H<height>, F<num>:<den>, I<interlacing>, A<aspect>, C<colourspace>,
// X<comment>) and '\n'; then per frame the line "FRAME" (optionally followed
// by space-separated parameters, ignored) and the planes Y, U, V of that
// frame, 4:2:0 chroma being ceil(W/2) x ceil(H/2). Only 8-bit 4:2:0 and mono
// are read; 4:2:2, 4:4:4, 4:1:1, alpha and high bit depth are refused.
//
// open() checks the whole file up front (header, and every FRAME marker and
// frame length, by seeking), so a bad or truncated file fails at open with a
// reason instead of part way through a call. Errors never throw and never
// crash; error() says what is wrong and where.
class Y4mReader {
 public:
  static constexpr int kMaxSide = 8192;
  static constexpr size_t kMaxHeaderLine = 4096;
  static constexpr size_t kMaxFrameLine = 1024;

  // Parses a stream header line (without its '\n'). Pure; for tests and fuzzing.
  static bool parseHeader(const std::string& line, Y4mHeader& header, std::string& error);

  bool open(const std::string& path);
  const Y4mHeader& header() const { return header_; }
  int64_t frameCount() const { return frameCount_; }
  // Reads the next frame as packed I420 of even size into `frame` (mono gets
  // neutral chroma), wrapping to the first frame after the last one. Only
  // size and pixels are set. Returns false and sets error() when the file
  // cannot be read any more (changed or removed since open()).
  bool readFrame(video::VideoFrame& frame);
  const std::string& error() const { return error_; }

 private:
  bool fail(const std::string& reason);
  bool readLine(size_t maxLength, std::string& line);
  bool scanFrames();
  bool readFrameMarker(int64_t frameIndex);

  std::string path_;
  std::ifstream file_;
  Y4mHeader header_;
  int64_t fileSize_ = 0;
  int64_t firstFrameOffset_ = 0;
  int64_t nextOffset_ = 0;
  int64_t nextIndex_ = 0;
  int64_t frameCount_ = 0;
  std::vector<uint8_t> samples_;
  std::string error_;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_Y4M_READER_H
