# Congestion control (draft-ietf-rmcat-gcc-02): the receive-side delay-based
# estimator and its parts, the send-side loss-based controller, the
# audio/video bitrate split and the packet pacer.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/abs_send_time_unwrapper.cpp
  ${CMAKE_CURRENT_LIST_DIR}/inter_arrival.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trendline_estimator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overuse_detector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aimd_rate_control.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rate_window.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receive_side_estimator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/send_side_controller.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bitrate_allocator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/packet_pacer.cpp)
