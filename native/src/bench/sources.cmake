list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/percentiles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/video_pipeline_harness.cpp)
list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/call_pipeline_harness.cpp)
if(UNIX)
  list(APPEND PARLEY_CORE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/cpu_usage_posix.cpp)
endif()
