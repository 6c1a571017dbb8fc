# The bench: settings checks, the JSON writer, the video figures from
# synthetic logs (no clock), process readers, and short real runs of the
# runner (bounded waits, no speed assertions).
parley_add_test(bench_figures_test ${CMAKE_CURRENT_LIST_DIR}/bench_figures_test.cpp)
parley_add_test(bench_runner_test ${CMAKE_CURRENT_LIST_DIR}/bench_runner_test.cpp)
if(PARLEY_HAVE_X11)
  parley_add_test(bench_window_test SERIAL ${CMAKE_CURRENT_LIST_DIR}/bench_window_test.cpp)
endif()
