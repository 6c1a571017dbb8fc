# SRTP/SRTCP through libsrtp2 and SDES keying (RFC 3711, 4568, 7714).
# Debian's libsrtp2 uses NSS for its ciphers; the jar carries libsrtp2 and the
# NSS libraries next to the core (media-jni's preload list), including the
# softoken and freebl modules NSS loads from its own folder at run time.
list(APPEND PARLEY_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/lib_srtp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sdes_crypto_attribute.cpp
  ${CMAKE_CURRENT_LIST_DIR}/srtp_session.cpp)
