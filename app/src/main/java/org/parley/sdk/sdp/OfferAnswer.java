package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parley.sdk.sdp.SdpNegotiationException.Code;

/**
 * The offer/answer model of RFC 3264 for Parley's one audio and one video stream on one socket
 * (RTP and RTCP multiplexed, RFC 5761; SRTP keys by SDES, RFC 4568; or plain RTP when both
 * sides allow it).
 *
 * <ul>
 *   <li>{@link #createOffer}: an audio section, and a video section unless this side neither
 *       sends nor receives video.
 *   <li>{@link #createAnswer}: the offer's m= lines in the same order; the first audio and the
 *       first video section Parley can do are accepted (a video section this side only receives
 *       is answered recvonly, so a voice-only answer still lets the caller send video), every
 *       other one gets port 0 (RFC 3264 section 6). Payload types and crypto tags are the
 *       offer's; the suite is the first of the offer's this side has a key for.
 *   <li>{@link #negotiate}: what both descriptions agreed, for the media engine.
 * </ul>
 *
 * <p>The core has one remote address and one SRTP key pair per call, so video is accepted only
 * with the same keys as audio, and sent only when the peer receives it at the audio address.
 */
public final class OfferAnswer {
  private OfferAnswer() {}

  /** Our offer. */
  public static SessionDescription createOffer(LocalMedia local) {
    Objects.requireNonNull(local, "local");
    List<Crypto> keys = local.parsedCryptos();
    String proto = keys.isEmpty() ? MediaDescription.RTP_PROTO : MediaDescription.SRTP_PROTO;
    SessionDescription.Builder offer = header(local);

    int audioPt = local.audioPayloadType();
    MediaDescription.Builder audio =
        MediaDescription.builder(MediaDescription.AUDIO, local.port(), proto, List.of(String.valueOf(audioPt)))
            .direction(Direction.SENDRECV)
            .payloadFormat(ParleyFormats.opus(audioPt));
    ParleyFormats.transport(audio, local, keys, true, true);
    ParleyFormats.audioSources(audio, local);
    offer.media(audio.build());

    if (local.sendVideo() || local.receiveVideo()) {
      int videoPt = local.videoPayloadType();
      int rtxPt = local.videoRtxPayloadType();
      MediaDescription.Builder video =
          MediaDescription.builder(MediaDescription.VIDEO, local.port(), proto,
                  List.of(String.valueOf(videoPt), String.valueOf(rtxPt)))
              .direction(Direction.of(local.sendVideo(), local.receiveVideo()))
              .payloadFormat(ParleyFormats.vp8(videoPt, ParleyFormats.VP8_FEEDBACK))
              .payloadFormat(ParleyFormats.rtx(rtxPt, videoPt));
      ParleyFormats.transport(video, local, keys, true, true);
      if (local.sendVideo()) {
        ParleyFormats.videoSources(video, local, true);
      }
      offer.media(video.build());
    }
    return offer.build();
  }

  /**
   * Our answer to {@code offer}.
   *
   * @throws SdpNegotiationException when neither audio nor video can be accepted; the code is
   *     the reason the first of them failed
   */
  public static SessionDescription createAnswer(SessionDescription offer, LocalMedia local)
      throws SdpNegotiationException {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(local, "local");
    SessionDescription.Builder answer = header(local);
    AnswerKeys keys = new AnswerKeys(local);
    SdpNegotiationException firstFailure = null;
    boolean audioDone = false;
    boolean videoDone = false;
    RemoteMedia.Endpoint audioEndpoint = null;
    for (MediaDescription m : offer.media()) {
      boolean audio = m.media().equals(MediaDescription.AUDIO) && !audioDone;
      boolean video = m.media().equals(MediaDescription.VIDEO) && !videoDone;
      if (m.port() == 0 || !(audio || video)) {
        answer.media(rejected(m));
        continue;
      }
      try {
        if (audio) {
          answer.media(answerAudio(offer, m, local, keys));
          audioDone = true;
          audioEndpoint = RemoteMedia.endpoint(offer, m);
        } else {
          answer.media(answerVideo(offer, m, local, keys, audioDone, audioEndpoint));
          videoDone = true;
        }
      } catch (SdpNegotiationException e) {
        firstFailure = firstFailure == null ? e : firstFailure;
        answer.media(rejected(m));
      }
    }
    if (!audioDone && !videoDone) {
      throw firstFailure != null
          ? firstFailure
          : new SdpNegotiationException(Code.NO_COMMON_MEDIA, "the offer has no audio or video to accept");
    }
    return answer.build();
  }

  /**
   * What {@code local} and {@code remote} (one the offer, the other its answer) agreed.
   *
   * @throws SdpNegotiationException when they do not make a call
   */
  public static NegotiatedMedia negotiate(SessionDescription local, SessionDescription remote)
      throws SdpNegotiationException {
    return Negotiator.negotiate(Objects.requireNonNull(local), Objects.requireNonNull(remote));
  }

  private static MediaDescription answerAudio(
      SessionDescription offer, MediaDescription m, LocalMedia local, AnswerKeys keys)
      throws SdpNegotiationException {
    PayloadFormat opus = ParleyFormats.findOpus(m);
    if (opus == null) {
      throw new SdpNegotiationException(Code.NO_COMMON_CODEC, "the offered audio has no opus/48000/2");
    }
    List<Crypto> ours = keys.choose(m);
    Direction offered = offer.directionOf(m);
    MediaDescription.Builder audio =
        MediaDescription.builder(MediaDescription.AUDIO, local.port(), m.proto(),
                List.of(String.valueOf(opus.payloadType())))
            .direction(Direction.of(offered.receives(), offered.sends()))
            .payloadFormat(ParleyFormats.opus(opus.payloadType()));
    ParleyFormats.transport(audio, local, ours, m.rtcpMux(), ParleyFormats.hasParleyAbsSendTime(m));
    if (offered.receives()) {
      ParleyFormats.audioSources(audio, local);
    }
    return audio.build();
  }

  private static MediaDescription answerVideo(SessionDescription offer, MediaDescription m,
      LocalMedia local, AnswerKeys keys, boolean audioDone, RemoteMedia.Endpoint audioEndpoint)
      throws SdpNegotiationException {
    if (!local.sendVideo() && !local.receiveVideo()) {
      throw new SdpNegotiationException(Code.NO_COMMON_MEDIA, "this side takes no video");
    }
    PayloadFormat vp8 = ParleyFormats.findVp8(m);
    if (vp8 == null) {
      throw new SdpNegotiationException(Code.NO_COMMON_CODEC, "the offered video has no VP8/90000");
    }
    List<Crypto> ours = keys.choose(m);
    Direction offered = offer.directionOf(m);
    boolean sameAddress = !audioDone || Objects.equals(audioEndpoint, RemoteMedia.endpoint(offer, m));
    boolean send = local.sendVideo() && offered.receives() && sameAddress;
    boolean receive = local.receiveVideo() && offered.sends();
    PayloadFormat rtx = ParleyFormats.findRtx(m, vp8.payloadType());
    List<String> formats = new ArrayList<>();
    formats.add(String.valueOf(vp8.payloadType()));
    MediaDescription.Builder video =
        MediaDescription.builder(MediaDescription.VIDEO, local.port(), m.proto(), formats)
            .direction(Direction.of(send, receive))
            .payloadFormat(ParleyFormats.vp8(vp8.payloadType(), ParleyFormats.feedbackIn(vp8)));
    if (rtx != null) {
      formats.add(String.valueOf(rtx.payloadType()));
      video.formats(formats).payloadFormat(ParleyFormats.rtx(rtx.payloadType(), vp8.payloadType()));
    }
    ParleyFormats.transport(video, local, ours, m.rtcpMux(), ParleyFormats.hasParleyAbsSendTime(m));
    if (send) {
      ParleyFormats.videoSources(video, local, rtx != null);
    }
    return video.build();
  }

  /** An answer's section for a stream it does not take: port 0, the offer's formats (RFC 3264 6). */
  private static MediaDescription rejected(MediaDescription m) {
    return MediaDescription.builder(m.media(), 0, m.proto(), m.formats()).build();
  }

  private static SessionDescription.Builder header(LocalMedia local) {
    return SessionDescription.builder(
            Origin.of(local.sessionId(), String.valueOf(local.sessionVersion()), local.address()))
        .name("-")
        .connection(Connection.of(local.address()))
        .timing(Timing.UNBOUNDED);
  }
}
