# Tests of native/src/rtp. Binary fixtures live in testdata/ (see its README).
set(PARLEY_RTP_TESTS
  rtp_packet_test
  rtp_packet_writer_test
  rtp_header_extensions_test
  sequence_unwrapper_test
  rtp_sequencer_test
  vp8_payload_descriptor_test
  vp8_payloader_test
  vp8_depacketizer_test
  vp8_rtp_round_trip_test)
foreach(test IN LISTS PARLEY_RTP_TESTS)
  parley_add_test(${test} ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp)
  target_compile_definitions(${test} PRIVATE
    PARLEY_RTP_TESTDATA_DIR="${CMAKE_CURRENT_LIST_DIR}/testdata")
endforeach()
# RFC 7587 Opus payload checks (links the core for libopus cross-checks).
parley_add_test(opus_payload_test ${CMAKE_CURRENT_LIST_DIR}/opus_payload_test.cpp)
