# Window-system and pixel-conversion libraries of the renderers (src/render/).
# PARLEY_PLATFORM_LIBRARIES collects them for parley_core.
set(PARLEY_PLATFORM_LIBRARIES)

# libyuv: I420 scaling and conversion to the window's pixel format (SIMD).
# Linked statically where a static library exists, so the jar need not carry
# it (and libjpeg, which only its MJPEG functions use; we never call those).
find_path(LIBYUV_INCLUDE_DIR libyuv.h REQUIRED)
find_library(LIBYUV_LIBRARY NAMES ${CMAKE_STATIC_LIBRARY_PREFIX}yuv${CMAKE_STATIC_LIBRARY_SUFFIX} yuv REQUIRED)
add_library(parley::libyuv UNKNOWN IMPORTED)
set_target_properties(parley::libyuv PROPERTIES
  IMPORTED_LOCATION "${LIBYUV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${LIBYUV_INCLUDE_DIR}")
list(APPEND PARLEY_PLATFORM_LIBRARIES parley::libyuv)

if(UNIX AND NOT APPLE)
  pkg_check_modules(X11 REQUIRED IMPORTED_TARGET x11 xext)
  list(APPEND PARLEY_PLATFORM_LIBRARIES PkgConfig::X11)
  set(PARLEY_HAVE_X11 ON)
elseif(WIN32)
  list(APPEND PARLEY_PLATFORM_LIBRARIES gdi32 user32)
endif()
