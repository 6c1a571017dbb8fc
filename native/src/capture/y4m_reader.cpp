#include "capture/y4m_reader.h"

#include <cctype>
#include <cstring>
#include <sstream>

namespace parley::capture {
namespace {

const char kMagic[] = "YUV4MPEG2";
constexpr size_t kMagicLength = sizeof(kMagic) - 1;
const char kFrameMarker[] = "FRAME";
constexpr size_t kFrameMarkerLength = sizeof(kFrameMarker) - 1;

// Strict decimal: digits only, no sign, at most 9 of them.
bool parsePositive(const std::string& text, int& value) {
  if (text.empty() || text.size() > 9) {
    return false;
  }
  value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
    value = value * 10 + (c - '0');
  }
  return value > 0;
}

// Text from a file, made safe to put in an error message.
std::string printable(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size() && i < 24; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out += std::isprint(c) ? static_cast<char>(c) : '?';
  }
  return text.size() > 24 ? out + "..." : out;
}

bool parseChroma(const std::string& value, Y4mChroma& chroma) {
  if (value == "420jpeg" || value == "420paldv" || value == "420mpeg2" || value == "420") {
    chroma = Y4mChroma::k420;
    return true;
  }
  if (value == "mono") {
    chroma = Y4mChroma::kMono;
    return true;
  }
  return false;
}

}  // namespace

int64_t Y4mHeader::frameBytes() const {
  const int64_t luma = static_cast<int64_t>(width) * height;
  if (chroma == Y4mChroma::kMono) {
    return luma;
  }
  return luma + 2 * (static_cast<int64_t>(width + 1) / 2) * ((height + 1) / 2);
}

bool Y4mReader::parseHeader(const std::string& line, Y4mHeader& header, std::string& error) {
  if (line.compare(0, kMagicLength, kMagic) != 0 ||
      (line.size() > kMagicLength && line[kMagicLength] != ' ')) {
    error = "not a YUV4MPEG2 file (bad magic '" + printable(line.substr(0, 10)) + "')";
    return false;
  }
  header = Y4mHeader();
  bool haveWidth = false;
  bool haveHeight = false;
  std::istringstream tags(line.substr(kMagicLength));
  std::string tag;
  while (tags >> tag) {
    const std::string value = tag.substr(1);
    switch (tag[0]) {
      case 'W':
        if (!parsePositive(value, header.width) || header.width > kMaxSide) {
          error = "bad width tag '" + printable(tag) + "'";
          return false;
        }
        haveWidth = true;
        break;
      case 'H':
        if (!parsePositive(value, header.height) || header.height > kMaxSide) {
          error = "bad height tag '" + printable(tag) + "'";
          return false;
        }
        haveHeight = true;
        break;
      case 'F': {
        const size_t colon = value.find(':');
        if (colon == std::string::npos ||
            !parsePositive(value.substr(0, colon), header.fpsNumerator) ||
            !parsePositive(value.substr(colon + 1), header.fpsDenominator) ||
            header.fps() < 0.01 || header.fps() > 1000) {
          error = "bad frame rate tag '" + printable(tag) + "'";
          return false;
        }
        break;
      }
      case 'C':
        if (!parseChroma(value, header.chroma)) {
          error = "unsupported colourspace 'C" + printable(value) +
                  "' (Parley reads 8-bit 4:2:0 and mono Y4M only)";
          return false;
        }
        header.colourspace = value;
        break;
      default:
        break;  // I (interlacing), A (aspect), X (comments) and future tags
    }
  }
  if (!haveWidth || !haveHeight) {
    error = std::string("header lacks the ") + (haveWidth ? "H (height)" : "W (width)") + " tag";
    return false;
  }
  if (header.width < 2 || header.height < 2) {
    error = "picture of " + std::to_string(header.width) + "x" + std::to_string(header.height) +
            " is too small";
    return false;
  }
  error.clear();
  return true;
}

bool Y4mReader::fail(const std::string& reason) {
  error_ = path_ + ": " + reason;
  return false;
}

bool Y4mReader::readLine(size_t maxLength, std::string& line) {
  line.clear();
  char c = 0;
  while (file_.get(c)) {
    if (c == '\n') {
      return true;
    }
    if (line.size() >= maxLength) {
      return false;
    }
    line += c;
  }
  return false;  // end of file before '\n'
}

bool Y4mReader::open(const std::string& path) {
  path_ = path;
  error_.clear();
  frameCount_ = 0;
  file_.close();
  file_.clear();
  file_.open(path, std::ios::binary);
  if (!file_) {
    return fail("cannot open the file");
  }
  file_.seekg(0, std::ios::end);
  fileSize_ = static_cast<int64_t>(file_.tellg());
  file_.seekg(0);
  if (fileSize_ <= 0) {
    return fail("empty file");
  }
  std::string line;
  if (!readLine(kMaxHeaderLine, line)) {
    if (line.compare(0, kMagicLength, kMagic) != 0) {
      return fail("not a YUV4MPEG2 file (bad magic '" + printable(line.substr(0, 10)) + "')");
    }
    return fail("header line is not terminated within " + std::to_string(kMaxHeaderLine) +
                " bytes");
  }
  std::string headerError;
  if (!parseHeader(line, header_, headerError)) {
    return fail(headerError);
  }
  firstFrameOffset_ = static_cast<int64_t>(file_.tellg());
  if (!scanFrames()) {
    frameCount_ = 0;
    return false;
  }
  nextOffset_ = firstFrameOffset_;
  nextIndex_ = 0;
  samples_.resize(static_cast<size_t>(header_.frameBytes()));
  return true;
}

bool Y4mReader::readFrameMarker(int64_t frameIndex) {
  std::string line;
  const auto offset = static_cast<int64_t>(file_.tellg());
  if (!readLine(kMaxFrameLine, line) || line.compare(0, kFrameMarkerLength, kFrameMarker) != 0 ||
      (line.size() > kFrameMarkerLength && line[kFrameMarkerLength] != ' ')) {
    return fail("frame " + std::to_string(frameIndex) + ": expected a FRAME line at byte " +
                std::to_string(offset) + ", found '" + printable(line) + "'");
  }
  return true;
}

bool Y4mReader::scanFrames() {
  const int64_t frameBytes = header_.frameBytes();
  int64_t offset = firstFrameOffset_;
  int64_t count = 0;
  while (offset < fileSize_) {
    file_.clear();
    file_.seekg(offset);
    if (!readFrameMarker(count)) {
      return false;
    }
    const auto dataStart = static_cast<int64_t>(file_.tellg());
    if (fileSize_ - dataStart < frameBytes) {
      return fail("frame " + std::to_string(count) + " is truncated: " +
                  std::to_string(fileSize_ - dataStart) + " of " + std::to_string(frameBytes) +
                  " bytes");
    }
    offset = dataStart + frameBytes;
    ++count;
  }
  if (count == 0) {
    return fail("no frames after the header");
  }
  frameCount_ = count;
  return true;
}

bool Y4mReader::readFrame(video::VideoFrame& frame) {
  if (frameCount_ == 0) {
    return error_.empty() ? fail("not open") : false;
  }
  if (nextIndex_ == frameCount_) {
    nextIndex_ = 0;
    nextOffset_ = firstFrameOffset_;
  }
  file_.clear();
  file_.seekg(nextOffset_);
  if (!readFrameMarker(nextIndex_)) {
    frameCount_ = 0;
    return false;
  }
  const int64_t frameBytes = header_.frameBytes();
  const int width = header_.width;
  const int height = header_.height;
  const bool direct = header_.chroma == Y4mChroma::k420 && width % 2 == 0 && height % 2 == 0;
  frame.resize(width & ~1, height & ~1);
  char* target = reinterpret_cast<char*>(direct ? frame.data.data() : samples_.data());
  file_.read(target, static_cast<std::streamsize>(frameBytes));
  if (file_.gcount() != static_cast<std::streamsize>(frameBytes)) {
    frameCount_ = 0;
    return fail("frame " + std::to_string(nextIndex_) +
                " ended early (was the file changed after it was opened?)");
  }
  nextOffset_ = static_cast<int64_t>(file_.tellg());
  ++nextIndex_;
  if (direct) {
    return true;
  }
  // Crop an odd size to even, or add neutral chroma to a mono picture.
  const uint8_t* luma = samples_.data();
  for (int row = 0; row < frame.height; ++row) {
    std::memcpy(frame.y() + static_cast<size_t>(row) * frame.strideY(),
                luma + static_cast<size_t>(row) * width, static_cast<size_t>(frame.width));
  }
  const size_t chromaRows = static_cast<size_t>(frame.height / 2);
  const size_t chromaCols = static_cast<size_t>(frame.width / 2);
  if (header_.chroma == Y4mChroma::kMono) {
    std::memset(frame.u(), 128, chromaRows * chromaCols * 2);  // U then V, contiguous
    return true;
  }
  const size_t fileChromaWidth = static_cast<size_t>((width + 1) / 2);
  const size_t fileChromaSize = fileChromaWidth * static_cast<size_t>((height + 1) / 2);
  const uint8_t* u = luma + static_cast<size_t>(width) * static_cast<size_t>(height);
  const uint8_t* v = u + fileChromaSize;
  for (size_t row = 0; row < chromaRows; ++row) {
    std::memcpy(frame.u() + row * chromaCols, u + row * fileChromaWidth, chromaCols);
    std::memcpy(frame.v() + row * chromaCols, v + row * fileChromaWidth, chromaCols);
  }
  return true;
}

}  // namespace parley::capture
