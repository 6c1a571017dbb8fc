# Transport: the media session's parts on a fake clock, the session over a
# fake transport (no threads), over the simulated network, and over real
# loopback UDP.
parley_add_test(rtp_rtcp_demuxer_test ${CMAKE_CURRENT_LIST_DIR}/rtp_rtcp_demuxer_test.cpp)
parley_add_test(rtp_packet_history_test ${CMAKE_CURRENT_LIST_DIR}/rtp_packet_history_test.cpp)
parley_add_test(rtx_test ${CMAKE_CURRENT_LIST_DIR}/rtx_test.cpp)
parley_add_test(keyframe_limiter_and_timeout_test
  ${CMAKE_CURRENT_LIST_DIR}/keyframe_limiter_and_timeout_test.cpp)
parley_add_test(rtcp_agent_test ${CMAKE_CURRENT_LIST_DIR}/rtcp_agent_test.cpp)
parley_add_test(media_session_test ${CMAKE_CURRENT_LIST_DIR}/media_session_test.cpp)
parley_add_test(media_session_network_test ${CMAKE_CURRENT_LIST_DIR}/media_session_network_test.cpp)
