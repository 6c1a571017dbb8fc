list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/audio_device_specs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bench_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/call_media_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/call_media_host.cpp
  ${CMAKE_CURRENT_LIST_DIR}/codec_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/event_queue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/facade_codes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/microphone_level_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/versions.cpp)
