# Audio devices: failover with fake devices, software devices on a fake
# clock, WAV parsing, and PortAudio on whatever this machine has (maybe nothing).
set(PARLEY_AUDIO_DEVICE_FAKES ${CMAKE_CURRENT_LIST_DIR}/fake_audio_device.cpp)
parley_add_test(following_audio_device_test
  ${CMAKE_CURRENT_LIST_DIR}/following_audio_device_test.cpp ${PARLEY_AUDIO_DEVICE_FAKES})
parley_add_test(wav_format_test ${CMAKE_CURRENT_LIST_DIR}/wav_format_test.cpp)
parley_add_test(wav_file_test ${CMAKE_CURRENT_LIST_DIR}/wav_file_test.cpp ${PARLEY_AUDIO_DEVICE_FAKES})
parley_add_test(software_audio_devices_test
  ${CMAKE_CURRENT_LIST_DIR}/software_devices_test.cpp ${PARLEY_AUDIO_DEVICE_FAKES})
parley_add_test(port_audio_test ${CMAKE_CURRENT_LIST_DIR}/port_audio_test.cpp)
parley_add_test(port_audio_null_device_test
  ${CMAKE_CURRENT_LIST_DIR}/port_audio_null_device_test.cpp ${PARLEY_AUDIO_DEVICE_FAKES})
parley_add_test(port_audio_lost_device_test
  ${CMAKE_CURRENT_LIST_DIR}/port_audio_lost_device_test.cpp ${PARLEY_AUDIO_DEVICE_FAKES})
