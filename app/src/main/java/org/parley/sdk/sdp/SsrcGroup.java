package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code a=ssrc-group:<semantics> <ssrc-id> ...} line (RFC 5576 section 4.2); Parley writes
 * {@code FID <video> <rtx>} to pair a video source with its RFC 4588 retransmission stream.
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
  public SsrcGroup {
    SdpSyntax.token(semantics, "a=ssrc-group semantics");
    ssrcs = SdpSyntax.list(ssrcs, "a=ssrc-group SSRCs");
    if (ssrcs.isEmpty()) {
      throw new IllegalArgumentException("a=ssrc-group needs at least one SSRC");
    }
    for (long ssrc : ssrcs) {
      SdpSyntax.range(ssrc, 0, 0xFFFF_FFFFL, "SSRC");
    }
  }

  static SsrcGroup parse(String text) {
    String[] f = SdpFields.splitAtLeast(text, 2, -1, "a=ssrc-group");
    List<Long> ssrcs = new ArrayList<>();
    for (int i = 1; i < f.length; i++) {
      ssrcs.add(SdpSyntax.number(f[i], 0, 0xFFFF_FFFFL, "SSRC"));
    }
    return new SsrcGroup(f[0], ssrcs);
  }

  String text() {
    StringBuilder b = new StringBuilder(semantics);
    for (long ssrc : ssrcs) {
      b.append(' ').append(ssrc);
    }
    return b.toString();
  }
}
