# Audio jitter buffer: one test per class, plus call simulations over a fake
# network (audio_stream_sim).
parley_add_test(delay_estimator_test ${CMAKE_CURRENT_LIST_DIR}/delay_estimator_test.cpp)
parley_add_test(time_stretch_test
  ${CMAKE_CURRENT_LIST_DIR}/time_stretch_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_stream_sim.cpp)
parley_add_test(audio_jitter_buffer_test
  ${CMAKE_CURRENT_LIST_DIR}/audio_jitter_buffer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_stream_sim.cpp)
parley_add_test(audio_jitter_buffer_network_test
  ${CMAKE_CURRENT_LIST_DIR}/audio_jitter_buffer_network_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_stream_sim.cpp)
parley_add_test(level_meter_test ${CMAKE_CURRENT_LIST_DIR}/level_meter_test.cpp)
