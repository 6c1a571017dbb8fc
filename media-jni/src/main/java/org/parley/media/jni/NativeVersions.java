package org.parley.media.jni;

/**
 * What the loaded native libraries say about themselves.
 *
 * @param apiVersion the facade version of the loaded core
 * @param core the core's version
 * @param vpx libvpx's version string
 * @param opus libopus's version string
 * @param opencv OpenCV's version string
 */
public record NativeVersions(int apiVersion, String core, String vpx, String opus, String opencv) {}
