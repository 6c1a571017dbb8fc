# Congestion control: each part on synthetic input (fake time through
# arguments, no sleeps), and the closed loop over a capped SimulatedNetwork.
parley_add_test(abs_send_time_test ${CMAKE_CURRENT_LIST_DIR}/abs_send_time_test.cpp)
parley_add_test(inter_arrival_test ${CMAKE_CURRENT_LIST_DIR}/inter_arrival_test.cpp)
parley_add_test(delay_gradient_test ${CMAKE_CURRENT_LIST_DIR}/delay_gradient_test.cpp)
parley_add_test(aimd_rate_control_test ${CMAKE_CURRENT_LIST_DIR}/aimd_rate_control_test.cpp)
parley_add_test(receive_side_estimator_test ${CMAKE_CURRENT_LIST_DIR}/receive_side_estimator_test.cpp)
parley_add_test(send_side_controller_test ${CMAKE_CURRENT_LIST_DIR}/send_side_controller_test.cpp)
parley_add_test(bitrate_allocator_test ${CMAKE_CURRENT_LIST_DIR}/bitrate_allocator_test.cpp)
parley_add_test(packet_pacer_test ${CMAKE_CURRENT_LIST_DIR}/packet_pacer_test.cpp)
parley_add_test(closed_loop_test
  ${CMAKE_CURRENT_LIST_DIR}/closed_loop_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/closed_loop_scenario.cpp)
