# Renderer tests. The X11 ones need a display: they skip without $DISPLAY and
# run under xvfb-run in CI.
set(PARLEY_RENDER_TEST_SUPPORT ${CMAKE_CURRENT_LIST_DIR}/color_frames.cpp)
parley_add_test(render_geometry_test ${CMAKE_CURRENT_LIST_DIR}/render_geometry_test.cpp)
parley_add_test(frame_converter_test ${CMAKE_CURRENT_LIST_DIR}/frame_converter_test.cpp
  ${PARLEY_RENDER_TEST_SUPPORT})
parley_add_test(renderer_events_test ${CMAKE_CURRENT_LIST_DIR}/renderer_events_test.cpp)
parley_add_test(pixel_buffer_renderer_test ${CMAKE_CURRENT_LIST_DIR}/pixel_buffer_renderer_test.cpp
  ${PARLEY_RENDER_TEST_SUPPORT})
if(PARLEY_HAVE_X11)
  parley_add_test(x11_window_renderer_test SERIAL ${CMAKE_CURRENT_LIST_DIR}/x11_window_renderer_test.cpp
    ${PARLEY_RENDER_TEST_SUPPORT})
  parley_add_test(x11_error_trap_test SERIAL ${CMAKE_CURRENT_LIST_DIR}/x11_error_trap_test.cpp)
endif()
