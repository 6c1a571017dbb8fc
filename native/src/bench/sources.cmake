list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/percentiles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_pipeline_harness.cpp
  ${CMAKE_CURRENT_LIST_DIR}/frame_recorders.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_analysis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/call_pair.cpp
  ${CMAKE_CURRENT_LIST_DIR}/call_analysis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/call_pipeline_harness.cpp
  ${CMAKE_CURRENT_LIST_DIR}/call_harness_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bench_runner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bench_json.cpp)
if(UNIX)
  list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/cpu_usage_posix.cpp)
endif()
