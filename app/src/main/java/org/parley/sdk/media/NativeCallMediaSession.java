package org.parley.sdk.media;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.parley.media.call.CallMedia;
import org.parley.media.call.CallMediaSettings;
import org.parley.media.call.CallStatistic;
import org.parley.media.call.CallStatistics;
import org.parley.media.call.CryptoSuite;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;
import org.parley.sdk.call.CallMediaSession;
import org.parley.sdk.call.MediaRequest;
import org.parley.sdk.call.MediaStats;
import org.parley.sdk.sdp.LocalMedia;
import org.parley.sdk.sdp.NegotiatedMedia;
import org.parley.sdk.sdp.OfferAnswer;
import org.parley.sdk.sdp.SdpNegotiationException;
import org.parley.sdk.sdp.SdpParseException;
import org.parley.sdk.sdp.SdpParser;
import org.parley.sdk.sdp.SdpWriter;
import org.parley.sdk.sdp.SessionDescription;

/**
 * One call's media on the native core: binds a {@link CallMedia} to learn its port, writes the
 * SDP offer or answer (RFC 3264, SDES keys RFC 4568, one socket with RTP/RTCP mux RFC 5761), and
 * applies what the two descriptions agreed.
 *
 * <p>The {@link CallMedia} is made first (with our key) so its port and SSRCs go into the SDP;
 * the agreement then reaches it in place: the peer's address, key and SSRCs (native API 4),
 * before it starts, so packets the peer sends early wait in the socket and are not lost. When
 * the peer chose what the bound media cannot change in place (other payload types, plain RTP,
 * no audio), the media is rebound on the same port from the negotiated settings instead, and the
 * views and flags asked for meanwhile are re-applied. Methods are synchronized: {@link
 * #copyPixels} may come from any thread.
 */
final class NativeCallMediaSession implements CallMediaSession {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The payload types a {@link CallMediaSettings} starts with (Opus, VP8, RTX). */
  private static final int DEFAULT_AUDIO_PT = 111;
  private static final int DEFAULT_VIDEO_PT = 96;
  private static final int DEFAULT_RTX_PT = 97;

  private final MediaRequest request;
  private final MediaOptions options;
  private final VideoSource camera;
  private final String address;
  private final String cname;
  private final Listener listener;
  private final String sessionId = String.valueOf(1 + (RANDOM.nextLong() >>> 2) % 999_999_999_999L);
  private final String localCrypto = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
  private final Map<CallMedia.View, RenderMode> viewModes = new HashMap<>();
  private final Map<CallMedia.View, Long> viewHandles = new HashMap<>();
  private final Map<CallMedia.View, int[]> viewSizes = new HashMap<>();

  private CallMedia media;
  private int port;
  private SessionDescription offer;
  private boolean negotiatedSendVideo = true;
  private boolean micMuted;
  private boolean speakerMuted;
  private boolean videoSending = true;
  private boolean closed;

  NativeCallMediaSession(MediaRequest request, MediaOptions options, VideoSource camera,
      String address, String cname, Listener listener) {
    this.request = request;
    this.options = options;
    this.camera = camera;
    this.address = address;
    this.cname = cname;
    this.listener = listener;
    this.videoSending = request.sendVideo();
    this.negotiatedSendVideo = request.sendVideo();
    CallMediaSettings settings = baseSettings().crypto(localCrypto, "").video(request.video());
    this.media = new CallMedia(settings, listener::onMediaEvent);
    this.port = media.localPort();
  }

  private CallMediaSettings baseSettings() {
    return new CallMediaSettings()
        .bindAddress(options.bindAddress())
        .portRange(options.minPort(), options.maxPort())
        .cname(cname)
        .microphone(options.microphone())
        .speaker(options.speaker())
        .bitrateKbps(options.minBitrateKbps(), options.startBitrateKbps(), options.maxBitrateKbps())
        .mediaTimeoutMs(options.mediaTimeoutMs())
        .camera(camera)
        .echo(options.echo());
  }

  private LocalMedia localMedia() {
    return LocalMedia.builder(address, port)
        .cname(cname)
        .ssrcs(media.localAudioSsrc(), media.localVideoSsrc(), media.localVideoRtxSsrc())
        .crypto(localCrypto)
        .video(request.sendVideo(), request.video())
        .session(sessionId, 1)
        .build();
  }

  @Override
  public synchronized String createOffer() {
    checkOpen();
    offer = OfferAnswer.createOffer(localMedia());
    return SdpWriter.write(offer);
  }

  @Override
  public synchronized String createAnswer(String offerSdp) {
    checkOpen();
    try {
      SessionDescription remote = SdpParser.parse(offerSdp);
      SessionDescription answer = OfferAnswer.createAnswer(remote, localMedia());
      apply(OfferAnswer.negotiate(answer, remote));
      return SdpWriter.write(answer);
    } catch (SdpParseException | SdpNegotiationException e) {
      throw new IllegalArgumentException("the offer cannot be answered: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void acceptAnswer(String answerSdp) {
    checkOpen();
    if (offer == null) {
      throw new IllegalStateException("no offer was made");
    }
    try {
      apply(OfferAnswer.negotiate(offer, SdpParser.parse(answerSdp)));
    } catch (SdpParseException | SdpNegotiationException e) {
      throw new IllegalArgumentException("the answer is not acceptable: " + e.getMessage(), e);
    }
  }

  /** Gives the media what both sides agreed: in place when it can, else by rebinding. */
  private void apply(NegotiatedMedia agreed) {
    negotiatedSendVideo = agreed.sendVideo();
    if (updatableInPlace(agreed)) {
      media.setRemote(agreed.remoteAddress(), agreed.remotePort());
      media.setRemoteCrypto(agreed.remoteCrypto());
      media.setRemoteSsrcs(agreed.remoteAudioSsrc(), agreed.remoteVideoSsrc());
      applyFlags();
      return;
    }
    rebind(agreed);
  }

  /** Whether the bound media already runs what was agreed (Parley to Parley: always). */
  private boolean updatableInPlace(NegotiatedMedia agreed) {
    return !agreed.plainRtp()
        && agreed.audio()
        && agreed.video() == request.video()
        && keyOf(agreed.localCrypto()).equals(keyOf(localCrypto))
        && agreed.audioPayloadType() == DEFAULT_AUDIO_PT
        && (!agreed.video() || (agreed.videoPayloadType() == DEFAULT_VIDEO_PT
            && agreed.videoRtxPayloadType() == DEFAULT_RTX_PT));
  }

  /** An a=crypto value without its tag: "suite inline:key" (RFC 4568 section 9.1). */
  private static String keyOf(String crypto) {
    int space = crypto.indexOf(' ');
    return space < 0 ? crypto : crypto.substring(space + 1);
  }

  /** Replaces the media with one made from the agreement, on the same port. */
  private void rebind(NegotiatedMedia agreed) {
    CallMediaSettings settings = agreed.applyTo(baseSettings()).portRange(port, port);
    media.close();
    media = new CallMedia(settings, listener::onMediaEvent);
    for (CallMedia.View view : viewModes.keySet()) {
      media.startVideo(view, viewHandles.get(view), viewModes.get(view));
      int[] size = viewSizes.get(view);
      if (size != null) {
        media.setPixelBufferSize(view, size[0], size[1]);
      }
    }
    applyFlags();
  }

  private void applyFlags() {
    media.setMicrophoneMuted(micMuted);
    media.setSpeakerMuted(speakerMuted);
    media.setVideoSending(videoSending && negotiatedSendVideo);
  }

  @Override
  public synchronized void start() {
    checkOpen();
    media.start();
  }

  @Override
  public synchronized void setMicrophoneMuted(boolean muted) {
    checkOpen();
    micMuted = muted;
    applyFlags();
  }

  @Override
  public synchronized void setSpeakerMuted(boolean muted) {
    checkOpen();
    speakerMuted = muted;
    applyFlags();
  }

  @Override
  public synchronized void setVideoSending(boolean sending) {
    checkOpen();
    videoSending = sending;
    applyFlags();
  }

  @Override
  public synchronized void startVideo(CallMedia.View view, long windowHandle, RenderMode mode) {
    checkOpen();
    viewModes.put(view, mode);
    viewHandles.put(view, windowHandle);
    media.startVideo(view, windowHandle, mode);
  }

  @Override
  public synchronized void stopVideo(CallMedia.View view) {
    checkOpen();
    viewModes.remove(view);
    viewHandles.remove(view);
    viewSizes.remove(view);
    media.stopVideo(view);
  }

  @Override
  public synchronized void setPixelBufferSize(CallMedia.View view, int width, int height) {
    checkOpen();
    viewSizes.put(view, new int[] {width, height});
    media.setPixelBufferSize(view, width, height);
  }

  @Override
  public synchronized int copyPixels(CallMedia.View view, byte[] bgra) {
    return closed ? 0 : media.copyPixels(view, bgra);
  }

  @Override
  public synchronized void switchCamera(VideoSource source) {
    checkOpen();
    media.switchCamera(source);
  }

  @Override
  public synchronized MediaStats statistics() {
    checkOpen();
    return convert(media.statistics());
  }

  /** Sums audio and video into the SDK's figures. */
  static MediaStats convert(CallStatistics s) {
    Map<String, Long> all = new HashMap<>();
    for (Map.Entry<CallStatistic, Long> e : s.asMap().entrySet()) {
      all.put(e.getKey().nativeName(), e.getValue());
    }
    return new MediaStats(
        s.rttMs().orElse(-1),
        s.get(CallStatistic.AUDIO_PACKETS_SENT) + s.get(CallStatistic.VIDEO_PACKETS_SENT),
        s.get(CallStatistic.AUDIO_PACKETS_RECEIVED) + s.get(CallStatistic.VIDEO_PACKETS_RECEIVED),
        s.get(CallStatistic.AUDIO_PACKETS_LOST) + s.get(CallStatistic.VIDEO_PACKETS_LOST),
        Math.max(s.get(CallStatistic.AUDIO_JITTER_MS), s.get(CallStatistic.VIDEO_JITTER_MS)),
        s.get(CallStatistic.NACKS_RECEIVED),
        s.get(CallStatistic.FRAMES_RENDERED),
        all);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      media.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the call media is closed");
    }
  }
}
