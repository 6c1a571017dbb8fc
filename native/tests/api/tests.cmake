parley_add_test(versions_test ${CMAKE_CURRENT_LIST_DIR}/versions_test.cpp)
target_compile_definitions(versions_test PRIVATE PARLEY_EXPECTED_CORE_VERSION="${PARLEY_VERSION}")
