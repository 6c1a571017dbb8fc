package org.parley.sdk.sdp;

import java.util.List;
import java.util.Objects;
import org.parley.sdk.sdp.SdpNegotiationException.Code;

/** Pairs the m= lines of an offer and its answer (RFC 3264 section 6) into {@link NegotiatedMedia}. */
final class Negotiator {
  private Negotiator() {}

  static NegotiatedMedia negotiate(SessionDescription local, SessionDescription remote)
      throws SdpNegotiationException {
    List<MediaDescription> ours = local.media();
    List<MediaDescription> theirs = remote.media();
    if (ours.size() != theirs.size()) {
      throw new SdpNegotiationException(Code.MISMATCHED_MEDIA,
          "one side has " + ours.size() + " m= lines, the other " + theirs.size());
    }
    int audio = -1;
    int video = -1;
    for (int i = 0; i < ours.size(); i++) {
      MediaDescription l = ours.get(i);
      MediaDescription r = theirs.get(i);
      if (!l.media().equals(r.media())) {
        throw new SdpNegotiationException(Code.MISMATCHED_MEDIA,
            "m= line " + (i + 1) + " is " + l.media() + " on one side and " + r.media() + " on the other");
      }
      if (l.port() == 0 || r.port() == 0) {
        continue;
      }
      if (l.media().equals(MediaDescription.AUDIO) && audio < 0) {
        audio = i;
      } else if (l.media().equals(MediaDescription.VIDEO) && video < 0) {
        video = i;
      }
    }
    int primary = audio >= 0 ? audio : video;
    if (primary < 0) {
      throw new SdpNegotiationException(Code.NO_COMMON_MEDIA, "no audio or video stream was accepted");
    }
    MediaDescription lp = ours.get(primary);
    MediaDescription rp = theirs.get(primary);
    Crypto[] keys = keys(lp, rp);
    RemoteMedia.Endpoint endpoint = RemoteMedia.endpoint(remote, rp);
    if (endpoint == null) {
      throw new SdpNegotiationException(Code.NO_ADDRESS,
          "the peer's " + rp.media() + " has no usable c= address and no host candidate");
    }

    int audioPt = 111;
    long remoteAudioSsrc = 0;
    if (audio >= 0) {
      audioPt = commonPayloadType(ParleyFormats.findOpus(ours.get(audio)),
          ParleyFormats.findOpus(theirs.get(audio)), "opus/48000/2");
      List<Long> ssrcs = RemoteMedia.ssrcs(theirs.get(audio));
      remoteAudioSsrc = ssrcs.isEmpty() ? 0 : ssrcs.get(0);
    }

    boolean send = false;
    boolean receive = false;
    int videoPt = 96;
    int rtxPt = 0;
    long[] videoSsrcs = {0, 0};
    if (video >= 0) {
      MediaDescription lv = ours.get(video);
      MediaDescription rv = theirs.get(video);
      PayloadFormat lvp8 = ParleyFormats.findVp8(lv);
      PayloadFormat rvp8 = ParleyFormats.findVp8(rv);
      boolean usable = lvp8 != null && rvp8 != null && lvp8.payloadType() == rvp8.payloadType()
          && sameKeys(keys, lv, rv);
      if (video == primary) {
        videoPt = commonPayloadType(lvp8, rvp8, "VP8/90000");
      }
      if (usable) {
        videoPt = lvp8.payloadType();
        Direction dl = local.directionOf(lv);
        Direction dr = remote.directionOf(rv);
        send = dl.sends() && dr.receives() && endpoint.equals(RemoteMedia.endpoint(remote, rv));
        receive = dl.receives() && dr.sends();
        PayloadFormat lrtx = ParleyFormats.findRtx(lv, videoPt);
        PayloadFormat rrtx = ParleyFormats.findRtx(rv, videoPt);
        if (lrtx != null && rrtx != null && lrtx.payloadType() == rrtx.payloadType()) {
          rtxPt = lrtx.payloadType();
        }
        videoSsrcs = RemoteMedia.videoSsrcs(rv);
      }
    }
    boolean plain = keys == null;
    return new NegotiatedMedia(
        endpoint.address(), endpoint.port(), audio >= 0, audioPt, send, receive, videoPt, rtxPt,
        remoteAudioSsrc, videoSsrcs[0], videoSsrcs[1], plain,
        plain ? "" : keys[0].value(), plain ? "" : keys[1].value(),
        lp.rtcpMux() && rp.rtcpMux(),
        ParleyFormats.hasParleyAbsSendTime(lp) && ParleyFormats.hasParleyAbsSendTime(rp));
  }

  /** {ours, theirs} with the same tag and suite (RFC 4568 section 5.1.2), or null for plain RTP. */
  private static Crypto[] keys(MediaDescription l, MediaDescription r) throws SdpNegotiationException {
    boolean lPlain = RemoteMedia.isPlainRtp(l.proto());
    boolean rPlain = RemoteMedia.isPlainRtp(r.proto());
    if (lPlain && rPlain) {
      return null;
    }
    if (!(RemoteMedia.isSrtp(l.proto()) || lPlain) || !(RemoteMedia.isSrtp(r.proto()) || rPlain)) {
      throw new SdpNegotiationException(Code.UNSUPPORTED_TRANSPORT,
          "protocols " + l.proto() + " and " + r.proto() + " are not RTP/SAVPF or RTP/AVPF");
    }
    if (lPlain || rPlain) {
      throw new SdpNegotiationException(Code.NO_CRYPTO,
          "one side uses SRTP (" + l.proto() + " / " + r.proto() + "), the other plain RTP");
    }
    for (Crypto theirs : r.cryptos()) {
      for (Crypto ours : l.cryptos()) {
        if (ours.tag() == theirs.tag() && ours.suite().equals(theirs.suite())) {
          return new Crypto[] {ours, theirs};
        }
      }
    }
    throw new SdpNegotiationException(Code.NO_CRYPTO, "no a=crypto line with the same tag and suite on both sides");
  }

  /** Whether a second section uses the keys (or plain RTP) of the first. */
  private static boolean sameKeys(Crypto[] keys, MediaDescription l, MediaDescription r) {
    if (keys == null) {
      return RemoteMedia.isPlainRtp(l.proto()) && RemoteMedia.isPlainRtp(r.proto());
    }
    return contains(l.cryptos(), keys[0]) && contains(r.cryptos(), keys[1]);
  }

  private static boolean contains(List<Crypto> cryptos, Crypto key) {
    for (Crypto c : cryptos) {
      if (Objects.equals(c.value(), key.value())) {
        return true;
      }
    }
    return false;
  }

  private static int commonPayloadType(PayloadFormat ours, PayloadFormat theirs, String codec)
      throws SdpNegotiationException {
    if (ours == null || theirs == null) {
      throw new SdpNegotiationException(Code.NO_COMMON_CODEC, "no " + codec + " on both sides");
    }
    if (ours.payloadType() != theirs.payloadType()) {
      throw new SdpNegotiationException(Code.NO_COMMON_CODEC,
          codec + " has payload type " + ours.payloadType() + " here and " + theirs.payloadType() + " there");
    }
    return ours.payloadType();
  }
}
