# Audio devices: PortAudio inputs/outputs with device-loss failover, and
# software stand-ins (tone, WAV file, null) for machines without sound.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/audio_callback_watchdog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_device_list.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audio_devices.cpp
  ${CMAKE_CURRENT_LIST_DIR}/following_audio_device.cpp
  ${CMAKE_CURRENT_LIST_DIR}/microphone_level_probe.cpp
  ${CMAKE_CURRENT_LIST_DIR}/null_sink.cpp
  ${CMAKE_CURRENT_LIST_DIR}/paced_audio_thread.cpp
  ${CMAKE_CURRENT_LIST_DIR}/port_audio.cpp
  ${CMAKE_CURRENT_LIST_DIR}/port_audio_devices.cpp
  ${CMAKE_CURRENT_LIST_DIR}/port_audio_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tone_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wav_file_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wav_file_sink.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wav_file_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wav_file_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wav_format.cpp)
