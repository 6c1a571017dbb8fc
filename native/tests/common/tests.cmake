parley_add_test(memory_trim_test ${CMAKE_CURRENT_LIST_DIR}/memory_trim_test.cpp)
