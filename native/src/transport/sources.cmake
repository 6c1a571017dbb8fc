# Transport: the media session of one call (RTP/RTCP mux over one
# PacketTransport, SRTP, RTCP feedback, RTX, pacing, rate control).
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/keyframe_request_limiter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/media_timeout.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtp_packet_history.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtx.cpp
  ${CMAKE_CURRENT_LIST_DIR}/abs_send_time_stamper.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtp_rtcp_demuxer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rtcp_agent.cpp
  ${CMAKE_CURRENT_LIST_DIR}/media_session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/media_session_rtcp.cpp)
