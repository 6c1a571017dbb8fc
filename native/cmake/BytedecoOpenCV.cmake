# Imported targets for the OpenCV natives shipped in the org.bytedeco:opencv
# platform jar, which Maven unpacks into PARLEY_OPENCV_ROOT. We link the core
# against these exact libraries (not a system OpenCV) because they are the ones
# JavaCPP loads at run time; the dynamic linker then matches them by SONAME.
if(NOT PARLEY_OPENCV_ROOT OR NOT EXISTS "${PARLEY_OPENCV_ROOT}/include/opencv4/opencv2/core.hpp")
  message(FATAL_ERROR
    "PARLEY_OPENCV_ROOT ('${PARLEY_OPENCV_ROOT}') must point at an unpacked "
    "org.bytedeco:opencv platform jar (org/bytedeco/opencv/<platform>). "
    "Build through Maven, which unpacks it: mvn -pl media-jni -am package")
endif()

function(parley_import_bytedeco_library target dir name)
  if(WIN32)
    file(GLOB candidates "${dir}/${name}*.lib")
  elseif(APPLE)
    file(GLOB candidates "${dir}/lib${name}.*.dylib" "${dir}/lib${name}.dylib")
  else()
    file(GLOB candidates "${dir}/lib${name}.so.*" "${dir}/lib${name}.so")
  endif()
  list(LENGTH candidates count)
  if(count EQUAL 0)
    message(FATAL_ERROR "Parley: no ${name} library in ${dir}")
  endif()
  list(GET candidates 0 location)
  add_library(${target} SHARED IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${location}")
  if(WIN32)
    set_target_properties(${target} PROPERTIES IMPORTED_IMPLIB "${location}")
  endif()
endfunction()

# The modules the core uses: core, imgproc (colour conversion) and videoio
# (cameras and MJPEG files); videoio needs imgcodecs at load time.
set(PARLEY_BYTEDECO_TARGETS)
foreach(module core imgproc imgcodecs videoio)
  list(APPEND PARLEY_BYTEDECO_TARGETS parley::opencv_${module})
  parley_import_bytedeco_library(parley::opencv_${module} "${PARLEY_OPENCV_ROOT}" opencv_${module})
  set_target_properties(parley::opencv_${module} PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${PARLEY_OPENCV_ROOT}/include/opencv4")
endforeach()

# libopencv_core needs libopenblas at link and load time; its own RUNPATH
# names the bytedeco build machine's folders, so tell the linker where it is.
if(UNIX AND NOT APPLE AND PARLEY_OPENBLAS_ROOT)
  set_property(TARGET parley::opencv_core APPEND PROPERTY
    INTERFACE_LINK_OPTIONS "LINKER:-rpath-link,${PARLEY_OPENBLAS_ROOT}")
endif()

# Executables that load libparley_core outside the JVM (the C++ tests) must
# load every bytedeco library themselves (PARLEY_BYTEDECO_TARGETS, linked with
# --no-as-needed): their DT_RUNPATHs point at bytedeco's build machine, and a
# DT_RUNPATH disables every other search path but LD_LIBRARY_PATH for that
# library's own dependencies (libopencv_core needs libopenblas, videoio needs
# imgcodecs). In the JVM, JavaCPP preloads them all before the core.
if(PARLEY_OPENBLAS_ROOT)
  parley_import_bytedeco_library(parley::openblas "${PARLEY_OPENBLAS_ROOT}" openblas)
  list(APPEND PARLEY_BYTEDECO_TARGETS parley::openblas)
endif()
