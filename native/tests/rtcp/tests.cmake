# Tests of native/src/rtcp.
set(PARLEY_RTCP_TESTS
  rtcp_packets_test
  rtcp_compound_test
  rtcp_feedback_test
  receive_statistics_test
  rtt_estimator_test
  rtcp_interval_test)
foreach(test IN LISTS PARLEY_RTCP_TESTS)
  parley_add_test(${test} ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp)
endforeach()
