# Video rendering: I420 frames fitted (render_geometry) and converted
# (frame_converter, libyuv) into a native window or a pixel buffer.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/frame_converter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pixel_buffer_renderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/render_geometry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/renderer_base.cpp
  ${CMAKE_CURRENT_LIST_DIR}/renderer_events.cpp)

# One native window renderer per platform, each with its createWindowRenderer().
if(PARLEY_HAVE_X11)
  list(APPEND PARLEY_CORE_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/x11/x11_error_trap.cpp
    ${CMAKE_CURRENT_LIST_DIR}/x11/x11_image.cpp
    ${CMAKE_CURRENT_LIST_DIR}/x11/x11_window_renderer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/x11/x11_window_renderer_factory.cpp)
elseif(WIN32)
  list(APPEND PARLEY_CORE_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/windows/gdi_window_renderer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/windows/gdi_window_renderer_factory.cpp)
else()
  # macOS: no native path; the UI paints a PixelBufferRenderer.
  list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/window_renderer_factory_fallback.cpp)
endif()
