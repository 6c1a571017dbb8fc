parley_add_test(versions_test ${CMAKE_CURRENT_LIST_DIR}/versions_test.cpp)
target_compile_definitions(versions_test PRIVATE PARLEY_EXPECTED_CORE_VERSION="${PARLEY_VERSION}")
# CallMedia over real loopback UDP (bounded waits, no timing assertions).
parley_add_test(call_media_api_test ${CMAKE_CURRENT_LIST_DIR}/call_media_api_test.cpp)
# Echo mode: a CallMedia that sends back what it receives (loopback UDP).
parley_add_test(call_media_echo_test ${CMAKE_CURRENT_LIST_DIR}/call_media_echo_test.cpp)
# MicrophoneLevelMeter on the software stand-ins.
parley_add_test(microphone_level_meter_test ${CMAKE_CURRENT_LIST_DIR}/microphone_level_meter_test.cpp)
