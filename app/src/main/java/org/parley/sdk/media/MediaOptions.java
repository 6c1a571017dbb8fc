package org.parley.sdk.media;

import java.util.Objects;

/**
 * Media settings of an SDK instance that every call uses: where to bind and what address to put
 * in SDP, the audio devices, bit rates and the media timeout. Fluent setters; the factory reads
 * them when a call's media is made, so changes apply to the next call.
 *
 * <p>Audio devices take an id from {@link org.parley.media.audio.AudioDevices}, {@code
 * "default"}, or the stand-ins {@code "tone:<hz>"} / {@code "wav:<path>"} (microphone) and
 * {@code "null"} / {@code "wav:<path>"} (speaker) for machines without sound.
 */
public final class MediaOptions {
  private String bindAddress = "0.0.0.0";
  private String advertisedAddress = "";
  private int minPort;
  private int maxPort;
  private String microphone = "default";
  private String speaker = "default";
  /** The rate control's range when nothing else is said (kbps: min, start, max). */
  public static final int DEFAULT_MIN_KBPS = 50;
  public static final int DEFAULT_START_KBPS = 800;
  public static final int DEFAULT_MAX_KBPS = 2000;

  private int minBitrateKbps = DEFAULT_MIN_KBPS;
  private int startBitrateKbps = DEFAULT_START_KBPS;
  private int maxBitrateKbps = DEFAULT_MAX_KBPS;
  private int mediaTimeoutMs = 10_000;
  private boolean echo;

  /** Local address to bind ("0.0.0.0", "::", or a loopback for tests). */
  public synchronized MediaOptions bindAddress(String value) {
    bindAddress = Objects.requireNonNull(value);
    return this;
  }

  /**
   * The address written into SDP; empty (the default) takes the bind address when it is a
   * concrete one, else the machine's first site-local address.
   */
  public synchronized MediaOptions advertisedAddress(String value) {
    advertisedAddress = Objects.requireNonNull(value);
    return this;
  }

  /** UDP port range for media; 0 and 0 let the OS choose. */
  public synchronized MediaOptions portRange(int min, int max) {
    minPort = min;
    maxPort = max;
    return this;
  }

  public synchronized MediaOptions microphone(String value) {
    microphone = Objects.requireNonNull(value);
    return this;
  }

  public synchronized MediaOptions speaker(String value) {
    speaker = Objects.requireNonNull(value);
    return this;
  }

  /**
   * Caps the send bitrate at {@code maxKbps} (0: the defaults), keeping the start and minimum
   * within it.
   */
  public synchronized MediaOptions maxBitrateKbps(int maxKbps) {
    if (maxKbps < 0) {
      throw new IllegalArgumentException("maximum bitrate must be 0 (automatic) or positive: " + maxKbps);
    }
    int max = maxKbps == 0 ? DEFAULT_MAX_KBPS : maxKbps;
    return bitrateKbps(Math.min(DEFAULT_MIN_KBPS, max), Math.min(DEFAULT_START_KBPS, max), max);
  }

  public synchronized MediaOptions bitrateKbps(int min, int start, int max) {
    minBitrateKbps = min;
    startBitrateKbps = start;
    maxBitrateKbps = max;
    return this;
  }

  /** Silence from the peer after which the call ends with a network reason (default 10 s). */
  public synchronized MediaOptions mediaTimeoutMs(int value) {
    mediaTimeoutMs = value;
    return this;
  }

  /**
   * Echo mode for the next calls (an echo-test peer such as {@code org.parley.app.echo.EchoBot}):
   * no camera and no microphone are opened, and each call sends the peer's own video and audio
   * back to it. Off by default.
   */
  public synchronized MediaOptions echo(boolean value) {
    echo = value;
    return this;
  }

  public synchronized String bindAddress() { return bindAddress; }
  public synchronized String advertisedAddress() { return advertisedAddress; }
  public synchronized int minPort() { return minPort; }
  public synchronized int maxPort() { return maxPort; }
  public synchronized String microphone() { return microphone; }
  public synchronized String speaker() { return speaker; }
  public synchronized int minBitrateKbps() { return minBitrateKbps; }
  public synchronized int startBitrateKbps() { return startBitrateKbps; }
  public synchronized int maxBitrateKbps() { return maxBitrateKbps; }
  public synchronized int mediaTimeoutMs() { return mediaTimeoutMs; }
  /** Whether calls reflect the peer's own media back (see {@link #echo(boolean)}). */
  public synchronized boolean echo() { return echo; }
}
