#include "capture/file_source.h"

#include <fstream>

#include "capture/mjpeg_file_source.h"
#include "capture/y4m_file_source.h"

namespace parley::capture {

std::unique_ptr<VideoSource> openFileSource(const std::string& path, const Clock& clock,
                                            std::string& error) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = path + ": cannot open the file";
    return nullptr;
  }
  char magic[12] = {};
  file.read(magic, sizeof(magic));
  const std::string head(magic, static_cast<size_t>(file.gcount()));
  file.close();
  if (head.compare(0, 9, "YUV4MPEG2") == 0) {
    return Y4mFileSource::open(path, clock, error);
  }
  if (head.size() == 12 && head.compare(0, 4, "RIFF") == 0 && head.compare(8, 4, "AVI ") == 0) {
    return MjpegFileSource::open(path, clock, error);
  }
  error = path + ": unsupported file (Parley plays YUV4MPEG2 and MJPEG AVI files)";
  return nullptr;
}

}  // namespace parley::capture
