# RTP layer (RFC 3550, RFC 8285) and the VP8 payload format (RFC 7741).
# native/fuzz/CMakeLists.txt reuses this list for the fuzz targets, so keep
# it free of anything outside this folder.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/rtp_packet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtp_header_extensions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtp_sequencer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vp8_payload_descriptor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vp8_payloader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vp8_depacketizer.cpp)
# RFC 7587 Opus payload checks and timestamp/marker timeline.
list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/opus_payload.cpp)
