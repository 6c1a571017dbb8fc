# Tests of native/src/srtp.
parley_add_test(lib_srtp_test ${CMAKE_CURRENT_LIST_DIR}/lib_srtp_test.cpp)
parley_add_test(sdes_crypto_attribute_test ${CMAKE_CURRENT_LIST_DIR}/sdes_crypto_attribute_test.cpp)
parley_add_test(srtp_session_test ${CMAKE_CURRENT_LIST_DIR}/srtp_session_test.cpp)
