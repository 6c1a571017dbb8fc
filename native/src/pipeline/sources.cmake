list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/video_preview_pipeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_receive_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_send_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_source_factory.cpp)
# Audio send and receive streams (Opus over RTP, RFC 7587) around the audio jitter buffer.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/audio_receive_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_send_stream.cpp)
