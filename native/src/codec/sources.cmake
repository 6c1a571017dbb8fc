list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/opus_decoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/opus_encoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vp8_decoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vp8_encoder.cpp)
