# Video jitter buffer: one test per class, plus call simulations of the whole
# buffer over a fake network (video_stream_sim).
parley_add_test(frame_assembler_test ${CMAKE_CURRENT_LIST_DIR}/frame_assembler_test.cpp)
parley_add_test(nack_generator_test ${CMAKE_CURRENT_LIST_DIR}/nack_generator_test.cpp)
parley_add_test(playout_delay_test ${CMAKE_CURRENT_LIST_DIR}/playout_delay_test.cpp)
parley_add_test(keyframe_requester_test ${CMAKE_CURRENT_LIST_DIR}/keyframe_requester_test.cpp)
parley_add_test(frame_buffer_test ${CMAKE_CURRENT_LIST_DIR}/frame_buffer_test.cpp)
parley_add_test(video_jitter_buffer_test
  ${CMAKE_CURRENT_LIST_DIR}/video_jitter_buffer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_stream_sim.cpp)
parley_add_test(video_jitter_buffer_network_test
  ${CMAKE_CURRENT_LIST_DIR}/video_jitter_buffer_network_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_stream_sim.cpp)
parley_add_test(video_jitter_buffer_delay_test
  ${CMAKE_CURRENT_LIST_DIR}/video_jitter_buffer_delay_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_stream_sim.cpp)
parley_add_test(video_jitter_buffer_robustness_test
  ${CMAKE_CURRENT_LIST_DIR}/video_jitter_buffer_robustness_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_stream_sim.cpp)
parley_add_test(playout_delay_minimum_test ${CMAKE_CURRENT_LIST_DIR}/playout_delay_minimum_test.cpp)
parley_add_test(send_time_jitter_test ${CMAKE_CURRENT_LIST_DIR}/send_time_jitter_test.cpp)
