# Tests of native/src/call: two calls' media over the simulated network (real
# threads, real clock; bounded waits, no timing assertions).
parley_add_test(call_media_pipeline_test ${CMAKE_CURRENT_LIST_DIR}/call_media_pipeline_test.cpp)
