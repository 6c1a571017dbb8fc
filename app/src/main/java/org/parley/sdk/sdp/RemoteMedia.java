package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the peer's facts out of one of its media sections: endpoint, sources, transport. */
final class RemoteMedia {
  private RemoteMedia() {}

  /** An address and port to send to. */
  record Endpoint(String address, int port) {}

  /**
   * Where to send: the c= address with the m= port, or, when c= is 0.0.0.0, ::, missing or not
   * IN IP4/IP6, the first UDP host candidate of component 1 (RFC 8839). Null when neither.
   */
  static Endpoint endpoint(SessionDescription sdp, MediaDescription m) {
    Connection c = sdp.connectionOf(m);
    if (m.port() != 0 && c != null && c.isUsableUnicast()) {
      return new Endpoint(c.address(), m.port());
    }
    for (Candidate candidate : m.candidates()) {
      if (candidate.isHostUdp() && candidate.component() == 1 && candidate.port() != 0) {
        return new Endpoint(candidate.address(), candidate.port());
      }
    }
    return null;
  }

  /** The distinct SSRCs named by a=ssrc lines, in order. */
  static List<Long> ssrcs(MediaDescription m) {
    Set<Long> ids = new LinkedHashSet<>();
    for (SsrcAttribute s : m.ssrcs()) {
      ids.add(s.ssrc());
    }
    return new ArrayList<>(ids);
  }

  /** The video source and its RTX source: from an FID group (RFC 5576 section 4.2), else the first SSRC. */
  static long[] videoSsrcs(MediaDescription m) {
    for (SsrcGroup g : m.ssrcGroups()) {
      if (g.semantics().equals("FID") && g.ssrcs().size() >= 2) {
        return new long[] {g.ssrcs().get(0), g.ssrcs().get(1)};
      }
    }
    List<Long> ids = ssrcs(m);
    return new long[] {ids.isEmpty() ? 0 : ids.get(0), 0};
  }

  static boolean isSrtp(String proto) {
    return proto.equals("RTP/SAVPF") || proto.equals("RTP/SAVP");
  }

  static boolean isPlainRtp(String proto) {
    return proto.equals("RTP/AVPF") || proto.equals("RTP/AVP");
  }
}
