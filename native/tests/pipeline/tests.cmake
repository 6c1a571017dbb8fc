parley_add_test(video_loopback_test ${CMAKE_CURRENT_LIST_DIR}/video_loopback_test.cpp)
