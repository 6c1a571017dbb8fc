# Tests of native/src/srtp. parley_srtp is its own static library (it links
# libsrtp2, whose NSS dependencies the jar cannot carry yet), so it is added
# here rather than by native/CMakeLists.txt, and linked on top of what
# parley_add_test gives.
if(NOT TARGET parley_srtp)
  add_subdirectory(${PROJECT_SOURCE_DIR}/native/src/srtp ${CMAKE_BINARY_DIR}/native/src/srtp)
endif()

set(PARLEY_SRTP_TESTS
  lib_srtp_test
  sdes_crypto_attribute_test
  srtp_session_test)
foreach(test IN LISTS PARLEY_SRTP_TESTS)
  parley_add_test(${test} ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp)
  target_link_libraries(${test} PRIVATE parley_srtp)
endforeach()
