parley_add_test(vp8_codec_test ${CMAKE_CURRENT_LIST_DIR}/vp8_codec_test.cpp)
parley_add_test(opus_codec_test ${CMAKE_CURRENT_LIST_DIR}/opus_codec_test.cpp)
