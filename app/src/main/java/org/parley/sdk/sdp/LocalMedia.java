package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What this side puts into its offer or answer: the media socket's address and port, its
 * sources, its SRTP keys (or plain RTP), whether it sends and receives video, and the payload
 * types (Parley's defaults: Opus 111, VP8 96, RTX 97). Build one with {@link #builder}.
 *
 * <p>Keys: {@code cryptos} are a=crypto values such as {@code
 * CryptoSuite.newCryptoAttribute(1)} gives, one per suite this side accepts. An offer lists them
 * all; an answer takes the first suite of the offer it has a key for. A caller that creates its
 * {@code CallMedia} (with its local key) before the answer arrives should offer exactly one.
 * SSRCs of 0 are not written (the peer learns them from the first packets).
 */
public record LocalMedia(
    String address,
    int port,
    String cname,
    long audioSsrc,
    long videoSsrc,
    long videoRtxSsrc,
    List<String> cryptos,
    boolean allowPlainRtp,
    boolean sendVideo,
    boolean receiveVideo,
    String sessionId,
    long sessionVersion,
    int audioPayloadType,
    int videoPayloadType,
    int videoRtxPayloadType) {
  public LocalMedia {
    SdpSyntax.word(address, "local address");
    SdpSyntax.range(port, 1, 65535, "local port");
    SdpSyntax.token(cname, "cname");
    for (long ssrc : new long[] {audioSsrc, videoSsrc, videoRtxSsrc}) {
      SdpSyntax.range(ssrc, 0, 0xFFFF_FFFFL, "SSRC");
    }
    cryptos = SdpSyntax.list(cryptos, "crypto values");
    for (String value : cryptos) {
      Crypto.parse(value);
    }
    if (cryptos.isEmpty() && !allowPlainRtp) {
      throw new IllegalArgumentException("no SRTP key and plain RTP not allowed");
    }
    SdpSyntax.digits(sessionId, 19, "session id");
    SdpSyntax.range(sessionVersion, 0, Long.MAX_VALUE, "session version");
    SdpSyntax.range(audioPayloadType, 96, 127, "audio payload type");
    SdpSyntax.range(videoPayloadType, 96, 127, "video payload type");
    SdpSyntax.range(videoRtxPayloadType, 96, 127, "video RTX payload type");
    if (videoPayloadType == videoRtxPayloadType || audioPayloadType == videoPayloadType
        || audioPayloadType == videoRtxPayloadType) {
      throw new IllegalArgumentException("payload types must differ");
    }
  }

  /** Starts a description of the socket at {@code address}:{@code port}. */
  public static Builder builder(String address, int port) {
    return new Builder(address, port);
  }

  /** Our keys, parsed. */
  List<Crypto> parsedCryptos() {
    List<Crypto> parsed = new ArrayList<>();
    for (String value : cryptos) {
      parsed.add(Crypto.parse(value));
    }
    return parsed;
  }

  /** Collects a {@link LocalMedia}; defaults: cname "parley", video both ways, session id 1. */
  public static final class Builder {
    private final String address;
    private final int port;
    private String cname = "parley";
    private long audioSsrc;
    private long videoSsrc;
    private long videoRtxSsrc;
    private final List<String> cryptos = new ArrayList<>();
    private boolean allowPlainRtp;
    private boolean sendVideo = true;
    private boolean receiveVideo = true;
    private String sessionId = "1";
    private long sessionVersion = 1;
    private int audioPt = 111;
    private int videoPt = 96;
    private int videoRtxPt = 97;

    private Builder(String address, int port) {
      this.address = Objects.requireNonNull(address);
      this.port = port;
    }

    public Builder cname(String value) {
      cname = value;
      return this;
    }

    /** Our sources; 0 for one we do not know yet (it is then not written). */
    public Builder ssrcs(long audio, long video, long videoRtx) {
      audioSsrc = audio;
      videoSsrc = video;
      videoRtxSsrc = videoRtx;
      return this;
    }

    /** Adds an SRTP key as an a=crypto value. */
    public Builder crypto(String value) {
      cryptos.add(Objects.requireNonNull(value));
      return this;
    }

    public Builder allowPlainRtp(boolean value) {
      allowPlainRtp = value;
      return this;
    }

    /** Whether we send and whether we want to receive video; both false: voice only. */
    public Builder video(boolean send, boolean receive) {
      sendVideo = send;
      receiveVideo = receive;
      return this;
    }

    /** The o= session id (digits) and version (raise it for every new offer of a session). */
    public Builder session(String id, long version) {
      sessionId = id;
      sessionVersion = version;
      return this;
    }

    public Builder payloadTypes(int audio, int video, int videoRtx) {
      audioPt = audio;
      videoPt = video;
      videoRtxPt = videoRtx;
      return this;
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public LocalMedia build() {
      return new LocalMedia(address, port, cname, audioSsrc, videoSsrc, videoRtxSsrc, cryptos,
          allowPlainRtp, sendVideo, receiveVideo, sessionId, sessionVersion, audioPt, videoPt,
          videoRtxPt);
    }
  }
}
