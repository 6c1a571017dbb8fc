package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The payload formats and media-section pieces Parley offers: Opus 48000/2 (RFC 7587) with
 * in-band FEC, VP8 90000 (RFC 7741) with NACK, PLI (RFC 4585) and REMB feedback, and RTX (RFC
 * 4588) for VP8. Parley does not answer FIR, so it does not offer "ccm fir".
 */
final class ParleyFormats {
  static final String OPUS = "opus";
  static final String VP8 = "VP8";
  static final String RTX = "rtx";
  static final String OPUS_FMTP = "minptime=10;useinbandfec=1";
  static final List<String> VP8_FEEDBACK = List.of("nack", "nack pli", "goog-remb");

  private ParleyFormats() {}

  static PayloadFormat opus(int pt) {
    return PayloadFormat.rtpmap(pt, OPUS, 48000, 2).withFmtp(OPUS_FMTP);
  }

  static PayloadFormat vp8(int pt, List<String> feedback) {
    return PayloadFormat.rtpmap(pt, VP8, 90000, 0).withRtcpFeedback(feedback);
  }

  static PayloadFormat rtx(int pt, int apt) {
    return PayloadFormat.rtpmap(pt, RTX, 90000, 0).withFmtp("apt=" + apt);
  }

  static PayloadFormat findOpus(MediaDescription m) {
    return m.find(OPUS, 48000, 2);
  }

  static PayloadFormat findVp8(MediaDescription m) {
    return m.find(VP8, 90000, 0);
  }

  /** The RTX format whose apt names {@code videoPt}, or null. */
  static PayloadFormat findRtx(MediaDescription m, int videoPt) {
    for (PayloadFormat pf : m.payloadFormats()) {
      if (pf.is(RTX, 90000, 0) && String.valueOf(videoPt).equals(pf.fmtpParameter("apt"))) {
        return pf;
      }
    }
    return null;
  }

  /** Our VP8 feedback that the other side also listed (all of it when {@code offered} is null). */
  static List<String> feedbackIn(PayloadFormat offered) {
    if (offered == null) {
      return VP8_FEEDBACK;
    }
    List<String> common = new ArrayList<>();
    for (String fb : VP8_FEEDBACK) {
      if (offered.rtcpFeedback().contains(fb)) {
        common.add(fb);
      }
    }
    return common;
  }

  /** Adds rtcp-mux, abs-send-time, keys, the host candidate and the SSRC lines Parley writes. */
  static void transport(MediaDescription.Builder m, LocalMedia local, List<Crypto> keys,
      boolean rtcpMux, boolean absSendTime) {
    m.rtcpMux(rtcpMux);
    if (absSendTime) {
      m.extmap(new Extmap(Extmap.PARLEY_ABS_SEND_TIME_ID, null, Extmap.ABS_SEND_TIME_URI, null));
    }
    for (Crypto key : keys) {
      m.crypto(key);
    }
    m.candidate(Candidate.host("1", 1, local.address(), local.port()));
  }

  static void audioSources(MediaDescription.Builder m, LocalMedia local) {
    if (local.audioSsrc() != 0) {
      m.ssrc(SsrcAttribute.cname(local.audioSsrc(), local.cname()));
    }
  }

  static void videoSources(MediaDescription.Builder m, LocalMedia local, boolean rtx) {
    if (local.videoSsrc() == 0) {
      return;
    }
    boolean withRtx = rtx && local.videoRtxSsrc() != 0;
    if (withRtx) {
      m.ssrcGroup(new SsrcGroup("FID", List.of(local.videoSsrc(), local.videoRtxSsrc())));
    }
    m.ssrc(SsrcAttribute.cname(local.videoSsrc(), local.cname()));
    if (withRtx) {
      m.ssrc(SsrcAttribute.cname(local.videoRtxSsrc(), local.cname()));
    }
  }

  /** Whether the section offers abs-send-time with the id the core stamps. */
  static boolean hasParleyAbsSendTime(MediaDescription m) {
    for (Extmap e : m.extmaps()) {
      if (e.uri().equals(Extmap.ABS_SEND_TIME_URI)) {
        return e.id() == Extmap.PARLEY_ABS_SEND_TIME_ID;
      }
    }
    return false;
  }
}
