package org.parley.media.call;

import java.util.Objects;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.VideoSource;

/**
 * What the two sides agreed in SDP and the devices to use, for one {@link CallMedia}. Fluent
 * setters; the call takes a copy when it is created, so later changes do not affect it.
 *
 * <p>Audio devices are named by an id from {@link org.parley.media.audio.AudioDevices}, by
 * {@code "default"}, or by a stand-in for machines without sound: {@code "tone:<hz>"}, {@code
 * "voice:<pitch hz>"} (speech-like: harmonics, gliding pitch, syllables) or {@code
 * "wav:<path>"} (48 kHz 16-bit PCM) for the microphone, {@code "null"} or {@code "wav:<path>"}
 * for the speaker.
 */
public final class CallMediaSettings {
  private String bindAddress = "0.0.0.0";
  private int minPort;
  private int maxPort;
  private String remoteAddress = "";
  private int remotePort;
  private String cname = "parley";
  private boolean audio = true;
  private boolean video = true;
  private String localCrypto = "";
  private String remoteCrypto = "";
  private boolean allowPlainRtp;
  private int audioPayloadType = 111;
  private int videoPayloadType = 96;
  private int videoRtxPayloadType = 97;
  private long remoteAudioSsrc;
  private long remoteVideoSsrc;
  private int minBitrateKbps = 50;
  private int maxBitrateKbps = 2000;
  private int startBitrateKbps = 800;
  private int mediaTimeoutMs = 10_000;
  private String microphone = "default";
  private String speaker = "default";
  private int opusBitrateBps = 32_000;
  private boolean opusDtx;
  private int opusComplexity = 9;
  private VideoSource camera = VideoSource.testPattern(640, 480, 30);
  private boolean echo;

  /** Local address to bind: "0.0.0.0" (IPv4) or "::" (IPv6), or a loopback for tests. */
  public CallMediaSettings bindAddress(String value) {
    bindAddress = Objects.requireNonNull(value);
    return this;
  }

  /** Local port range; 0 and 0 let the OS choose. */
  public CallMediaSettings portRange(int min, int max) {
    minPort = min;
    maxPort = max;
    return this;
  }

  /** The peer's media address from its SDP (c= and m= lines). */
  public CallMediaSettings remote(String address, int port) {
    remoteAddress = Objects.requireNonNull(address);
    remotePort = port;
    return this;
  }

  public CallMediaSettings cname(String value) {
    cname = Objects.requireNonNull(value);
    return this;
  }

  public CallMediaSettings audio(boolean value) {
    audio = value;
    return this;
  }

  public CallMediaSettings video(boolean value) {
    video = value;
    return this;
  }

  /** SRTP: our a=crypto value (see {@link CryptoSuite#newCryptoAttribute}) and the peer's. */
  public CallMediaSettings crypto(String local, String remote) {
    localCrypto = Objects.requireNonNull(local);
    remoteCrypto = Objects.requireNonNull(remote);
    return this;
  }

  /** Plain RTP, only when both sides explicitly asked for it (interop with tools without SRTP). */
  public CallMediaSettings allowPlainRtp(boolean value) {
    allowPlainRtp = value;
    return this;
  }

  public CallMediaSettings payloadTypes(int audioPt, int videoPt, int videoRtxPt) {
    audioPayloadType = audioPt;
    videoPayloadType = videoPt;
    videoRtxPayloadType = videoRtxPt;
    return this;
  }

  /** The peer's SSRCs when its SDP names them (a=ssrc); 0 learns them from the first packet. */
  public CallMediaSettings remoteSsrcs(long audioSsrc, long videoSsrc) {
    remoteAudioSsrc = audioSsrc;
    remoteVideoSsrc = videoSsrc;
    return this;
  }

  /** Rate control floor, ceiling and starting point, kbit/s. */
  public CallMediaSettings bitrateKbps(int min, int start, int max) {
    minBitrateKbps = min;
    startBitrateKbps = start;
    maxBitrateKbps = max;
    return this;
  }

  /** Silence from the peer after which a MEDIA_TIMEOUT event is raised. */
  public CallMediaSettings mediaTimeoutMs(int value) {
    mediaTimeoutMs = value;
    return this;
  }

  public CallMediaSettings microphone(String value) {
    microphone = Objects.requireNonNull(value);
    return this;
  }

  public CallMediaSettings speaker(String value) {
    speaker = Objects.requireNonNull(value);
    return this;
  }

  public CallMediaSettings opus(int bitrateBps, boolean dtx, int complexity) {
    opusBitrateBps = bitrateBps;
    opusDtx = dtx;
    opusComplexity = complexity;
    return this;
  }

  public CallMediaSettings camera(VideoSource value) {
    camera = Objects.requireNonNull(value);
    return this;
  }

  /**
   * Echo mode, for an echo-test peer: no camera and no microphone are opened (their settings are
   * ignored); every picture decoded from the peer is sent back as this side's video and the
   * peer's audio, as this side's speaker plays it, as this side's microphone. The speaker may be
   * {@code "null"}: it still paces the echo. Both views keep drawing.
   */
  public CallMediaSettings echo(boolean value) {
    echo = value;
    return this;
  }

  /** Whether echo mode is on (see {@link #echo(boolean)}). */
  public boolean echo() {
    return echo;
  }

  ParleyCore.CallMediaSettings toNative(ParleyCore.VideoSourceConfig cameraConfig) {
    return new ParleyCore.CallMediaSettings()
        .bindAddress(bindAddress)
        .minPort(minPort)
        .maxPort(maxPort)
        .remoteAddress(remoteAddress)
        .remotePort(remotePort)
        .cname(cname)
        .audio(audio)
        .video(video)
        .localCrypto(localCrypto)
        .remoteCrypto(remoteCrypto)
        .allowPlainRtp(allowPlainRtp)
        .audioPayloadType(audioPayloadType)
        .videoPayloadType(videoPayloadType)
        .videoRtxPayloadType(videoRtxPayloadType)
        .remoteAudioSsrc(remoteAudioSsrc)
        .remoteVideoSsrc(remoteVideoSsrc)
        .minBitrateKbps(minBitrateKbps)
        .maxBitrateKbps(maxBitrateKbps)
        .startBitrateKbps(startBitrateKbps)
        .mediaTimeoutMs(mediaTimeoutMs)
        .microphone(microphone)
        .speaker(speaker)
        .opusBitrateBps(opusBitrateBps)
        .opusDtx(opusDtx)
        .opusComplexity(opusComplexity)
        .camera(cameraConfig)
        .echo(echo);
  }

  VideoSource camera() {
    return camera;
  }
}
