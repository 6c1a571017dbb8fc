# Receive-side video jitter buffer: frame assembly, NACK, keyframe gating, playout delay.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/frame_assembler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/frame_buffer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/keyframe_requester.cpp
  ${CMAKE_CURRENT_LIST_DIR}/nack_generator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/playout_delay.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_jitter_buffer.cpp)
