# RTCP (RFC 3550 section 6, RFC 4585, RFC 5506, RFC 5761, REMB): packets,
# reception statistics, RTT and the report interval. native/fuzz/CMakeLists.txt
# reuses this list for the fuzz targets, so keep it free of anything outside
# this folder (and rtp/byte_view.h, header-only).
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/rtcp_packets.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receive_statistics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtt_estimator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtcp_interval.cpp)
