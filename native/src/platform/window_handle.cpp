#include "platform/window_handle.h"

#include "platform/jawt_platform.h"

namespace parley::platform {

int64_t nativeWindowHandle(JNIEnv* env, jobject component, std::string& error) {
  if (env == nullptr || component == nullptr) {
    error = "no component given";
    return 0;
  }
  GetAwtFunction getAwt = findGetAwt(error);
  if (getAwt == nullptr) {
    return 0;
  }
  JAWT awt{};
  awt.version = JAWT_VERSION_9;
  if (getAwt(env, &awt) == JNI_FALSE) {
    error = "JAWT_GetAWT failed (headless JVM?)";
    return 0;
  }
  JAWT_DrawingSurface* surface = awt.GetDrawingSurface(env, component);
  if (surface == nullptr) {
    error = "the component has no drawing surface (not a heavyweight component?)";
    return 0;
  }
  int64_t handle = 0;
  const jint lock = surface->Lock(surface);
  if ((lock & JAWT_LOCK_ERROR) != 0) {
    // AWT refuses the lock until the peer exists: the component must be displayable.
    error = "the component is not displayable yet (add it to a visible window first)";
  } else {
    JAWT_DrawingSurfaceInfo* info = surface->GetDrawingSurfaceInfo(surface);
    if (info == nullptr || info->platformInfo == nullptr) {
      error = "JAWT returned no drawing surface info";
    } else {
      handle = windowIdFromPlatformInfo(info->platformInfo);
      if (handle == 0) {
        error = "JAWT returned no native window";
      }
    }
    if (info != nullptr) {
      surface->FreeDrawingSurfaceInfo(info);
    }
    surface->Unlock(surface);
  }
  awt.FreeDrawingSurface(surface);
  return handle;
}

}  // namespace parley::platform
