package org.parley.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.sdk.sdp.MediaDescription;
import org.parley.sdk.sdp.PayloadFormat;
import org.parley.sdk.sdp.SessionDescription;

/**
 * Builds a gst-launch-1.0 receive pipeline from a sender's session description: one udpsrc on
 * the port the description's peer sends to, an rtpptdemux that splits the multiplexed stream by
 * payload type (dropping RTCP, RFC 5761 section 4, and RTX), and for each VP8 or Opus payload
 * type a branch with caps from its rtpmap, a jitter buffer, depayloader, decoder and a counting
 * identity named {@code decoded-<media>}.
 */
final class SdpToGStreamer {
  private SdpToGStreamer() {}

  static List<String> receivePipeline(SessionDescription sender, int port) {
    List<String> ignored = new ArrayList<>();
    // RTCP packet types 200..207 read as RTP payload types 72..79 (RFC 5761 section 4).
    for (int pt = 72; pt <= 79; pt++) {
      ignored.add(String.valueOf(pt));
    }
    List<String> branches = new ArrayList<>();
    for (MediaDescription m : sender.media()) {
      if (m.port() == 0) {
        continue;
      }
      for (PayloadFormat pf : m.payloadFormats()) {
        String name = pf.encodingName() == null ? "" : pf.encodingName().toUpperCase(Locale.ROOT);
        String decode = switch (name) {
          case "VP8" -> "rtpvp8depay ! vp8dec";
          case "OPUS" -> "rtpopusdepay ! opusdec";
          default -> null;
        };
        if (decode == null) {
          ignored.add(String.valueOf(pf.payloadType()));
          continue;
        }
        branches.add("d.src_" + pf.payloadType()
            + " ! capssetter caps=application/x-rtp,media=(string)" + m.media()
            + ",clock-rate=(int)" + pf.clockRate()
            + ",encoding-name=(string)" + name
            + " ! rtpjitterbuffer latency=100 ! " + decode
            + " ! identity name=decoded-" + m.media() + " silent=false ! fakesink sync=false");
      }
    }
    List<String> words = new ArrayList<>(List.of(
        "udpsrc", "address=127.0.0.1", "port=" + port, "caps=application/x-rtp",
        "!", "rtpptdemux", "name=d", "ignored-payload-types=<" + String.join(",", ignored) + ">"));
    for (String branch : branches) {
      words.addAll(List.of(branch.split(" ")));
    }
    return words;
  }
}
