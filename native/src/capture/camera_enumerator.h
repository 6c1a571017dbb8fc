// Lists the cameras of this machine.
#ifndef PARLEY_CAPTURE_CAMERA_ENUMERATOR_H
#define PARLEY_CAPTURE_CAMERA_ENUMERATOR_H

#include <string>
#include <vector>

namespace parley::capture {

// One camera as the OS names it. `id` is what CameraSource::open takes (the
// OpenCV camera index; on Linux the N of /dev/videoN). `name` is the device's
// own name where the OS gives one ("Integrated Camera: Integrated C"),
// otherwise "Camera <id>". `path` is the device node ("/dev/video0"), empty
// where the OS has none.
struct CameraInfo {
  int id = 0;
  std::string name;
  std::string path;
};

// Finds cameras without opening a capture session.
//
// On Linux it reads V4L2's sysfs names (see V4l2DeviceNames) and never touches
// OpenCV. Elsewhere there is no portable way to name cameras through OpenCV,
// so it probes the first kProbeCount indices (opening each briefly, with
// OpenCV's console warnings silenced); that takes a moment per index and
// fails for a camera another application holds exclusively.
//
// The caller must expect an empty list (no camera, or no permission) and
// cameras that disappear between listing and opening (CameraSource::open then
// fails with a reason). Thread-safe; call it off the UI thread.
class CameraEnumerator {
 public:
  static constexpr int kProbeCount = 4;

  static std::vector<CameraInfo> list();
  // Opens OpenCV camera indices 0 .. count-1 (default backend) and returns
  // those that open, named "Camera <id>". The fallback list() uses where the
  // OS gives no names; exposed for tests and diagnostics.
  static std::vector<CameraInfo> probe(int count);
};

}  // namespace parley::capture

#endif  // PARLEY_CAPTURE_CAMERA_ENUMERATOR_H
