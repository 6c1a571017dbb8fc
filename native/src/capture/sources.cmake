# Video sources: cameras (OpenCV VideoCapture), the stamped test pattern,
# MJPEG AVI and Y4M files, and the capture thread that runs them.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/camera_enumerator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/camera_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capture_thread.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/frame_stamp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mat_to_i420.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mjpeg_file_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/opencv_quiet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_pattern_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/y4m_file_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/y4m_reader.cpp)
# OS-specific camera naming: V4L2 sysfs on Linux; elsewhere CameraEnumerator
# probes OpenCV indices.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/v4l2_device_names_linux.cpp)
endif()
