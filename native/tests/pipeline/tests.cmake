parley_add_test(video_loopback_test ${CMAKE_CURRENT_LIST_DIR}/video_loopback_test.cpp)
# Audio send/receive streams; the call simulations reuse the audio tests' signals.
parley_add_test(audio_send_stream_test
  ${CMAKE_CURRENT_LIST_DIR}/audio_send_stream_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../audio/audio_stream_sim.cpp)
parley_add_test(audio_receive_stream_test
  ${CMAKE_CURRENT_LIST_DIR}/audio_receive_stream_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../audio/audio_stream_sim.cpp)
parley_add_test(audio_streams_network_test
  ${CMAKE_CURRENT_LIST_DIR}/audio_streams_network_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../audio/audio_stream_sim.cpp)
