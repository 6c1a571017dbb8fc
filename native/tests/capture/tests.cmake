# Video source tests (src/capture). ctest -R 'Capture|Camera|Pattern|Stamp|Y4m|File'
parley_add_test(frame_stamp_test ${CMAKE_CURRENT_LIST_DIR}/frame_stamp_test.cpp)
parley_add_test(frame_stamp_vp8_test ${CMAKE_CURRENT_LIST_DIR}/frame_stamp_vp8_test.cpp)
parley_add_test(test_pattern_source_test ${CMAKE_CURRENT_LIST_DIR}/test_pattern_source_test.cpp)
parley_add_test(y4m_reader_test ${CMAKE_CURRENT_LIST_DIR}/y4m_reader_test.cpp)
parley_add_test(file_source_test ${CMAKE_CURRENT_LIST_DIR}/file_source_test.cpp)
parley_add_test(camera_test ${CMAKE_CURRENT_LIST_DIR}/camera_test.cpp)
parley_add_test(capture_thread_test ${CMAKE_CURRENT_LIST_DIR}/capture_thread_test.cpp)
