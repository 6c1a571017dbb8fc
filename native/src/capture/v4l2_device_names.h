// Linux only: camera names from V4L2's sysfs entries.
#ifndef PARLEY_CAPTURE_V4L2_DEVICE_NAMES_H
#define PARLEY_CAPTURE_V4L2_DEVICE_NAMES_H

#include <string>
#include <vector>

#include "capture/camera_enumerator.h"

namespace parley::capture {

// Lists the V4L2 video capture nodes: every `<sysfsRoot>/videoN` directory,
// named by its `name` file, in ascending N, with path `<devRoot>/videoN`.
//
// A UVC camera registers two nodes (videoN for pictures, videoN+1 for
// metadata) with the same name; only capture nodes are listed. Where the node
// can be opened, VIDIOC_QUERYCAP decides (video capture, single- or
// multi-planar); where it cannot (no permission, or a fake tree in tests), the
// sysfs `index` file does: index 0 is the device's first node, its capture
// node for UVC; a node without an `index` file is kept. Nodes without a name
// are named "Camera <N>".
//
// Both roots are injectable so tests can run against a fake tree. Missing or
// unreadable roots give an empty list, never an error.
class V4l2DeviceNames {
 public:
  explicit V4l2DeviceNames(std::string sysfsRoot = "/sys/class/video4linux",
                           std::string devRoot = "/dev");

  std::vector<CameraInfo> list() const;
  // The device node of camera `id` ("/dev/video<id>").
  std::string devicePath(int id) const;

 private:
  std::string sysfsRoot_;
  std::string devRoot_;
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_V4L2_DEVICE_NAMES_H
