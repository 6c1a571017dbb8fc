# Window-system and pixel-conversion libraries of the renderers (src/render/).
# PARLEY_PLATFORM_LIBRARIES collects them for parley_core.
set(PARLEY_PLATFORM_LIBRARIES)

# libyuv: I420 scaling and conversion to the window's pixel format (SIMD).
# Shared: Debian's libyuv.a is not position-independent. The jar carries
# libyuv and the libjpeg it depends on (preload list in ParleyCore.java).
find_path(PARLEY_LIBYUV_INCLUDE_DIR libyuv.h REQUIRED)
find_library(PARLEY_LIBYUV_LIBRARY NAMES yuv REQUIRED)
add_library(parley::libyuv UNKNOWN IMPORTED)
set_target_properties(parley::libyuv PROPERTIES
  IMPORTED_LOCATION "${PARLEY_LIBYUV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${PARLEY_LIBYUV_INCLUDE_DIR}")
list(APPEND PARLEY_PLATFORM_LIBRARIES parley::libyuv)

if(UNIX AND NOT APPLE)
  pkg_check_modules(X11 REQUIRED IMPORTED_TARGET x11 xext)
  list(APPEND PARLEY_PLATFORM_LIBRARIES PkgConfig::X11)
  set(PARLEY_HAVE_X11 ON)
elseif(WIN32)
  list(APPEND PARLEY_PLATFORM_LIBRARIES gdi32 user32)
endif()

# JNI and JAWT headers (the facade takes a JNIEnv for JAWT; src/platform
# reads a Canvas's native window through JAWT; libjawt itself is looked up at
# run time in the JVM, never linked). Maven passes PARLEY_JAVA_HOME; otherwise
# JAVA_HOME, otherwise the JDK that owns `javac` on the PATH.
set(PARLEY_JAVA_HOME "" CACHE PATH "JDK whose include/ folder has jni.h and jawt.h")
set(java_home "${PARLEY_JAVA_HOME}")
if(NOT java_home AND DEFINED ENV{JAVA_HOME})
  set(java_home "$ENV{JAVA_HOME}")
endif()
if(NOT java_home)
  find_program(PARLEY_JAVAC javac)
  if(PARLEY_JAVAC)
    get_filename_component(javac_real "${PARLEY_JAVAC}" REALPATH)
    get_filename_component(java_home "${javac_real}/../.." ABSOLUTE)
  endif()
endif()
find_path(PARLEY_JNI_INCLUDE_DIR jni.h HINTS "${java_home}/include" NO_DEFAULT_PATH)
if(NOT PARLEY_JNI_INCLUDE_DIR)
  message(FATAL_ERROR "Parley: no jni.h under '${java_home}/include': set PARLEY_JAVA_HOME or JAVA_HOME to a JDK")
endif()
if(WIN32)
  set(jni_platform_dir "${PARLEY_JNI_INCLUDE_DIR}/win32")
elseif(APPLE)
  set(jni_platform_dir "${PARLEY_JNI_INCLUDE_DIR}/darwin")
else()
  set(jni_platform_dir "${PARLEY_JNI_INCLUDE_DIR}/linux")
endif()
add_library(parley::jni_headers INTERFACE IMPORTED)
set_target_properties(parley::jni_headers PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${PARLEY_JNI_INCLUDE_DIR};${jni_platform_dir}")
list(APPEND PARLEY_PLATFORM_LIBRARIES parley::jni_headers ${CMAKE_DL_LIBS})
