# Network layer: addresses, the simulated network (fake clock, no sleeps), its
# real-time transport adapter, and the UDP transport over loopback.
parley_add_test(socket_address_test ${CMAKE_CURRENT_LIST_DIR}/socket_address_test.cpp)
parley_add_test(simulated_network_test ${CMAKE_CURRENT_LIST_DIR}/simulated_network_test.cpp)
parley_add_test(simulated_transport_test ${CMAKE_CURRENT_LIST_DIR}/simulated_transport_test.cpp)
parley_add_test(udp_transport_test ${CMAKE_CURRENT_LIST_DIR}/udp_transport_test.cpp)
