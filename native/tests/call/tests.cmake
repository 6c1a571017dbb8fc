# Tests of native/src/call: two calls' media over the simulated network (real
# threads, real clock; bounded waits, no timing assertions).
parley_add_test(call_media_pipeline_test ${CMAKE_CURRENT_LIST_DIR}/call_media_pipeline_test.cpp)
# Echo mode's video loop, on a fake clock.
parley_add_test(echo_video_loop_test ${CMAKE_CURRENT_LIST_DIR}/echo_video_loop_test.cpp)
