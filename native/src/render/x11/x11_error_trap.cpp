#include "render/x11/x11_error_trap.h"

#include <cstdio>
#include <mutex>
#include <unordered_map>

namespace parley::render::x11 {
namespace {

struct Recorded {
  XErrorEvent first{};
  int count = 0;
};

// Process-wide state of the one handler. Never destroyed (a trap may still be
// alive while static destructors run at exit).
struct Registry {
  std::mutex mutex;
  std::unordered_map<Display*, Recorded> displays;
  XErrorHandler previous = nullptr;
  bool installed = false;
};

Registry& registry() {
  static Registry* instance = new Registry();
  return *instance;
}

int handleError(Display* display, XErrorEvent* event) {
  XErrorHandler previous = nullptr;
  {
    Registry& r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.displays.find(display);
    if (it != r.displays.end()) {
      if (it->second.count++ == 0) {
        it->second.first = *event;
      }
      return 0;  // Xlib ignores the return value
    }
    previous = r.previous;
  }
  // Not one of ours: behave exactly as without Parley.
  return previous != nullptr ? previous(display, event) : 0;
}

}  // namespace

X11ErrorTrap::X11ErrorTrap(Display* display) : display_(display) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.displays[display_] = Recorded{};
  if (!r.installed) {
    // Under the mutex, so a handler call on another thread cannot read
    // `previous` before it is set.
    r.previous = XSetErrorHandler(&handleError);
    r.installed = true;
  }
}

X11ErrorTrap::~X11ErrorTrap() {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.displays.erase(display_);
}

bool X11ErrorTrap::takeError(Error* error) {
  Recorded recorded;
  {
    Registry& r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    Recorded& slot = r.displays[display_];
    recorded = slot;
    slot = Recorded{};
  }
  if (recorded.count == 0) {
    return false;
  }
  const XErrorEvent& e = recorded.first;
  error->errorCode = e.error_code;
  error->requestCode = e.request_code;
  error->minorCode = e.minor_code;
  error->resourceId = e.resourceid;
  error->count = recorded.count;
  // XGetErrorText makes no request; it is safe here, outside the handler.
  char name[128] = {};
  XGetErrorText(display_, e.error_code, name, sizeof name);
  char text[320];
  std::snprintf(text, sizeof text, "%s in request %d.%d on resource 0x%lx", name,
                e.request_code, e.minor_code, e.resourceid);
  error->text = text;
  return true;
}

}  // namespace parley::render::x11
