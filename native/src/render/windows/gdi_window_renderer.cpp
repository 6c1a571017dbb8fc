#include "render/windows/gdi_window_renderer.h"

#include <cstdio>

namespace parley::render::windows {
namespace {

std::string describe(HWND window) {
  char text[32];
  std::snprintf(text, sizeof text, "HWND 0x%llx",
                static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(window)));
  return text;
}

}  // namespace

std::unique_ptr<GdiWindowRenderer> GdiWindowRenderer::create(HWND window, Listener* listener,
                                                             const Clock* clock,
                                                             std::string* whyNot) {
  if (window == nullptr || IsWindow(window) == FALSE) {
    if (whyNot != nullptr) {
      *whyNot = describe(window) + " is not a window";
    }
    return nullptr;
  }
  return std::unique_ptr<GdiWindowRenderer>(
      new GdiWindowRenderer(window, listener, clock != nullptr ? *clock : SystemClock::instance()));
}

GdiWindowRenderer::GdiWindowRenderer(HWND window, Listener* listener, const Clock& clock)
    : RendererBase(listener, clock), window_(window) {}

RendererBase::DrawOutcome GdiWindowRenderer::draw(const video::VideoFrame& frame,
                                                  RenderMode mode) {
  if (windowGone_) {
    return DrawOutcome::failed(goneMessage_);
  }
  if (IsWindow(window_) == FALSE) {
    return fail("cannot draw");
  }
  RECT client{};
  if (GetClientRect(window_, &client) == FALSE) {
    return fail("GetClientRect failed");
  }
  const int width = client.right - client.left;
  const int height = client.bottom - client.top;
  // A minimized window has an empty client area: nothing to draw, no error.
  const RenderGeometry geometry =
      computeRenderGeometry(frame.width, frame.height, width, height, mode);
  if (geometry.drawsNothing()) {
    return DrawOutcome::nothingToDraw();
  }
  pixels_.resize(static_cast<size_t>(width) * height * 4);
  if (!converter_.convert(frame, geometry, BgraTarget{pixels_.data(), width, height, 4 * width})) {
    return DrawOutcome::nothingToDraw();
  }

  BITMAPINFO info{};
  info.bmiHeader.biSize = sizeof(BITMAPINFOHEADER);
  info.bmiHeader.biWidth = width;
  info.bmiHeader.biHeight = -height;  // negative: rows top-down, as converted
  info.bmiHeader.biPlanes = 1;
  info.bmiHeader.biBitCount = 32;
  info.bmiHeader.biCompression = BI_RGB;  // B, G, R, unused: our BGRA bytes

  HDC dc = GetDC(window_);
  if (dc == nullptr) {
    return fail("GetDC failed");
  }
  const int lines = SetDIBitsToDevice(dc, 0, 0, static_cast<DWORD>(width),
                                      static_cast<DWORD>(height), 0, 0, 0,
                                      static_cast<UINT>(height), pixels_.data(), &info,
                                      DIB_RGB_COLORS);
  GdiFlush();
  ReleaseDC(window_, dc);
  if (lines == 0) {
    return fail("SetDIBitsToDevice failed");
  }
  return DrawOutcome::drawn();
}

RendererBase::DrawOutcome GdiWindowRenderer::fail(const std::string& what) {
  const DWORD code = GetLastError();
  if (IsWindow(window_) == FALSE) {
    // Windows reuses HWND values: never draw with this one again.
    windowGone_ = true;
    goneMessage_ = describe(window_) + " was destroyed";
    return DrawOutcome::failed(goneMessage_);
  }
  return DrawOutcome::failed(describe(window_) + ": " + what + " (error " +
                             std::to_string(code) + ")");
}

}  // namespace parley::render::windows
