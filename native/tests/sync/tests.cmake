# Lip sync: sender report clock mapping, the delay controller, and a closed
# loop over the real video jitter buffer.
parley_add_test(rtp_to_ntp_estimator_test ${CMAKE_CURRENT_LIST_DIR}/rtp_to_ntp_estimator_test.cpp)
parley_add_test(stream_synchronizer_test ${CMAKE_CURRENT_LIST_DIR}/stream_synchronizer_test.cpp)
parley_add_test(lip_sync_closed_loop_test ${CMAKE_CURRENT_LIST_DIR}/lip_sync_closed_loop_test.cpp)
