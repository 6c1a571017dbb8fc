# One call's media: the streams, devices, lip sync and the session, wired
# together (backs parley::CallMedia).
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/call_media_pipeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/call_media_pipeline_controls.cpp
  ${CMAKE_CURRENT_LIST_DIR}/echo_video_loop.cpp)
