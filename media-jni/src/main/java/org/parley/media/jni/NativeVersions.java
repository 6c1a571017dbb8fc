package org.parley.media.jni;

/**
 * What the loaded native libraries say about themselves.
 *
 * @param apiVersion the facade version of the loaded core
 * @param core the core's version
 * @param vpx libvpx's version string
 * @param opus libopus's version string
 * @param opencv OpenCV's version string
 * @param srtp libsrtp's version string, with "(init failed: ...)" when its crypto backend
 *     did not initialise
 * @param portAudio PortAudio's version text
 */
public record NativeVersions(
    int apiVersion,
    String core,
    String vpx,
    String opus,
    String opencv,
    String srtp,
    String portAudio) {}
