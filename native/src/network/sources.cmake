# Network layer: the PacketTransport interface, the UDP transport (one socket
# per call) and the seeded simulated network used by tests and the bench.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/socket_address.cpp
  ${CMAKE_CURRENT_LIST_DIR}/simulated_network.cpp
  ${CMAKE_CURRENT_LIST_DIR}/simulated_transport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/udp_transport.cpp)
# The OS socket wrapper, one file per platform.
if(WIN32)
  list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/windows/udp_socket_windows.cpp)
  list(APPEND PARLEY_PLATFORM_LIBRARIES ws2_32)
else()
  list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/posix/udp_socket_posix.cpp)
endif()
