# Lip sync: RTCP sender report NTP/RTP mapping and the audio/video delay controller.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/rtp_to_ntp_estimator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stream_synchronizer.cpp)
