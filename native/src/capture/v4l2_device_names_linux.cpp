// V4L2 (Linux) camera names. See v4l2_device_names.h.
#include "capture/v4l2_device_names.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

namespace parley::capture {
namespace {

namespace fs = std::filesystem;

// "video12" -> 12; anything else (vbi0, v4l-subdev0, video1a) -> nothing.
std::optional<int> nodeNumber(const std::string& entry) {
  static const std::string kPrefix = "video";
  if (entry.size() <= kPrefix.size() || entry.compare(0, kPrefix.size(), kPrefix) != 0 ||
      entry.size() > kPrefix.size() + 6) {
    return std::nullopt;
  }
  int number = 0;
  for (size_t i = kPrefix.size(); i < entry.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(entry[i]))) {
      return std::nullopt;
    }
    number = number * 10 + (entry[i] - '0');
  }
  return number;
}

// First line of a small sysfs attribute, trailing whitespace removed.
std::optional<std::string> readAttribute(const fs::path& file) {
  std::ifstream in(file);
  if (!in) {
    return std::nullopt;
  }
  std::string line;
  std::getline(in, line);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) {
    line.pop_back();
  }
  return line;
}

enum class Capability { kCapture, kNotCapture, kUnknown };

// Asks the driver (VIDIOC_QUERYCAP) whether the node captures video. Opening a
// V4L2 node does not start streaming; O_NONBLOCK keeps a busy driver from
// stalling the listing.
Capability queryCapture(const std::string& devicePath) {
  const int fd = ::open(devicePath.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return Capability::kUnknown;
  }
  v4l2_capability caps{};
  int result;
  do {
    result = ::ioctl(fd, VIDIOC_QUERYCAP, &caps);
  } while (result < 0 && errno == EINTR);
  ::close(fd);
  if (result < 0) {
    return Capability::kUnknown;  // not a V4L2 node (or a fake one in tests)
  }
  // device_caps describes this node; capabilities the whole device.
  const uint32_t nodeCaps =
      (caps.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? caps.device_caps : caps.capabilities;
  return (nodeCaps & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE)) != 0
             ? Capability::kCapture
             : Capability::kNotCapture;
}

}  // namespace

V4l2DeviceNames::V4l2DeviceNames(std::string sysfsRoot, std::string devRoot)
    : sysfsRoot_(std::move(sysfsRoot)), devRoot_(std::move(devRoot)) {}

std::string V4l2DeviceNames::devicePath(int id) const {
  return devRoot_ + "/video" + std::to_string(id);
}

std::vector<CameraInfo> V4l2DeviceNames::list() const {
  std::vector<CameraInfo> cameras;
  // No V4L2 at all (no driver loaded, or a container) ends the loop at once;
  // increment(error) rather than ++ so a vanishing directory cannot throw.
  std::error_code error;
  for (fs::directory_iterator it(sysfsRoot_, error), end; !error && it != end;
       it.increment(error)) {
    const fs::directory_entry& entry = *it;
    const std::optional<int> id = nodeNumber(entry.path().filename().string());
    if (!id) {
      continue;
    }
    const std::string path = devicePath(*id);
    const Capability capability = queryCapture(path);
    if (capability == Capability::kNotCapture) {
      continue;
    }
    if (capability == Capability::kUnknown) {
      const std::optional<std::string> index = readAttribute(entry.path() / "index");
      if (index && *index != "0") {
        continue;  // a secondary node of its device (UVC metadata)
      }
    }
    std::optional<std::string> name = readAttribute(entry.path() / "name");
    if (!name || name->empty()) {
      name = "Camera " + std::to_string(*id);
    }
    cameras.push_back(CameraInfo{*id, *name, path});
  }
  std::sort(cameras.begin(), cameras.end(),
            [](const CameraInfo& a, const CameraInfo& b) { return a.id < b.id; });
  return cameras;
}

}  // namespace parley::capture
