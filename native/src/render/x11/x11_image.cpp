#include "render/x11/x11_image.h"

#include <sys/ipc.h>
#include <sys/shm.h>

namespace parley::render::x11 {
namespace {

constexpr unsigned long kRedMask = 0xFF0000;
constexpr unsigned long kGreenMask = 0x00FF00;
constexpr unsigned long kBlueMask = 0x0000FF;

bool isBgra32(const XImage* image) {
  return image->bits_per_pixel == 32 && image->red_mask == kRedMask &&
         image->green_mask == kGreenMask && image->blue_mask == kBlueMask;
}

// XDestroyImage frees image->data with free(): ours is a vector or shared
// memory, so detach it first.
void destroyImageKeepingData(XImage* image) {
  image->data = nullptr;
  XDestroyImage(image);
}

}  // namespace

X11Image::X11Image(Display* display, Visual* visual, int depth, X11ErrorTrap& trap, bool allowShm)
    : display_(display),
      visual_(visual),
      depth_(depth),
      trap_(trap),
      shmUsable_(allowShm && XShmQueryExtension(display) == True) {}

X11Image::~X11Image() { release(); }

bool X11Image::supportsVisual(Display* display, Visual* visual, int depth, std::string* why) {
  // A 1x1 image without memory tells us the format Xlib would use.
  XImage* probe = XCreateImage(display, visual, static_cast<unsigned>(depth), ZPixmap, 0, nullptr,
                               1, 1, 32, 0);
  if (probe == nullptr) {
    *why = "XCreateImage failed for the window's visual (depth " + std::to_string(depth) + ")";
    return false;
  }
  const bool ok = isBgra32(probe);
  if (!ok) {
    *why = "unsupported window pixel format: depth " + std::to_string(depth) + ", " +
           std::to_string(probe->bits_per_pixel) + " bits per pixel (need 24/32-bit TrueColor)";
  }
  destroyImageKeepingData(probe);
  return ok;
}

bool X11Image::ensureSize(int width, int height, std::string* error) {
  if (image_ != nullptr && image_->width == width && image_->height == height) {
    return true;
  }
  release();
  if (shmUsable_ && createShared(width, height)) {
    return true;
  }
  return createPlain(width, height, error);
}

bool X11Image::createShared(int width, int height) {
  XImage* image = XShmCreateImage(display_, visual_, static_cast<unsigned>(depth_), ZPixmap,
                                  nullptr, &segment_, static_cast<unsigned>(width),
                                  static_cast<unsigned>(height));
  // Shared memory is read by the server as is: the layout must already be
  // its byte order (XPutImage would swap for us; XShmPutImage cannot).
  if (image == nullptr || !isBgra32(image) || image->byte_order != LSBFirst) {
    if (image != nullptr) {
      destroyImageKeepingData(image);
    }
    shmUsable_ = false;
    return false;
  }
  const size_t bytes = static_cast<size_t>(image->bytes_per_line) * image->height;
  segment_.shmid = shmget(IPC_PRIVATE, bytes, IPC_CREAT | 0600);
  if (segment_.shmid < 0) {
    destroyImageKeepingData(image);
    shmUsable_ = false;  // out of SysV segments (kernel.shmmni) or not allowed
    return false;
  }
  void* address = shmat(segment_.shmid, nullptr, 0);
  if (address == reinterpret_cast<void*>(-1)) {
    shmctl(segment_.shmid, IPC_RMID, nullptr);
    destroyImageKeepingData(image);
    shmUsable_ = false;
    return false;
  }
  segment_.shmaddr = static_cast<char*>(address);
  segment_.readOnly = False;
  image->data = segment_.shmaddr;
  XShmAttach(display_, &segment_);
  XSync(display_, False);  // the attach result (an error or not) arrives here
  // Marked for removal now: the kernel frees the segment when both we and the
  // server have detached, even if this process dies without cleaning up.
  shmctl(segment_.shmid, IPC_RMID, nullptr);
  X11ErrorTrap::Error attachError;
  if (trap_.takeError(&attachError)) {
    // Typically BadAccess: a remote display (ssh -X) cannot map our memory.
    shmdt(segment_.shmaddr);
    segment_ = XShmSegmentInfo{};
    destroyImageKeepingData(image);
    shmUsable_ = false;
    return false;
  }
  image_ = image;
  shared_ = true;
  return true;
}

bool X11Image::createPlain(int width, int height, std::string* error) {
  XImage* image = XCreateImage(display_, visual_, static_cast<unsigned>(depth_), ZPixmap, 0,
                               nullptr, static_cast<unsigned>(width),
                               static_cast<unsigned>(height), 32, 0);
  if (image == nullptr || !isBgra32(image)) {
    if (image != nullptr) {
      destroyImageKeepingData(image);
    }
    *error = "cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
             " XImage for the window";
    return false;
  }
  // Our pixels are little-endian 0xAARRGGBB words; saying so lets XPutImage
  // swap them for a big-endian server instead of showing wrong colours.
  image->byte_order = LSBFirst;
  plainPixels_.resize(static_cast<size_t>(image->bytes_per_line) * image->height);
  image->data = reinterpret_cast<char*>(plainPixels_.data());
  image_ = image;
  shared_ = false;
  return true;
}

BgraTarget X11Image::pixels() const {
  if (image_ == nullptr) {
    return {};
  }
  return {reinterpret_cast<uint8_t*>(image_->data), image_->width, image_->height,
          image_->bytes_per_line};
}

void X11Image::put(Drawable drawable, GC gc) {
  const auto w = static_cast<unsigned>(image_->width);
  const auto h = static_cast<unsigned>(image_->height);
  if (shared_) {
    // send_event False: no completion event; the caller's XSync is the wait.
    XShmPutImage(display_, drawable, gc, image_, 0, 0, 0, 0, w, h, False);
  } else {
    XPutImage(display_, drawable, gc, image_, 0, 0, 0, 0, w, h);
  }
}

void X11Image::release() {
  if (image_ == nullptr) {
    return;
  }
  if (shared_) {
    XShmDetach(display_, &segment_);
    XSync(display_, False);  // the server lets go before we unmap
    destroyImageKeepingData(image_);
    shmdt(segment_.shmaddr);
    segment_ = XShmSegmentInfo{};
  } else {
    destroyImageKeepingData(image_);
  }
  image_ = nullptr;
  shared_ = false;
}

}  // namespace parley::render::x11
