# Receive-side audio: adaptive jitter buffer with Opus PLC/FEC and time stretching.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/audio_jitter_buffer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/delay_estimator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_stretch.cpp)
# Audio level meter (dBFS, RFC 6464 level, peak-held meter level).
list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/level_meter.cpp)
