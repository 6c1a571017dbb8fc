package org.parley.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.parley.media.call.CallMedia;
import org.parley.media.call.CallMediaSettings;
import org.parley.media.call.CallStatistic;
import org.parley.media.events.MediaEvent;
import org.parley.media.video.VideoSource;
import org.parley.sdk.sdp.LocalMedia;
import org.parley.sdk.sdp.NegotiatedMedia;
import org.parley.sdk.sdp.OfferAnswer;
import org.parley.sdk.sdp.SdpParser;
import org.parley.sdk.sdp.SdpWriter;
import org.parley.sdk.sdp.SessionDescription;

/**
 * Parley sends, GStreamer plays: a real {@link CallMedia} (test-pattern camera, 440 Hz tone, plain
 * RTP on 127.0.0.1) offers its stream in SDP; the receiving gst-launch-1.0 pipeline is built from
 * that SDP text alone (ports, payload types, encodings) and must decode VP8 frames of the
 * camera's size and Opus audio.
 */
class ParleyToGStreamerTest {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final int TIMEOUT_SECONDS = 30;
  private static final System.Logger LOG = System.getLogger(ParleyToGStreamerTest.class.getName());

  @Test
  void gstreamerDecodesWhatParleySends() throws Exception {
    GStreamer.requireElements("udpsrc", "rtpptdemux", "capssetter", "rtpjitterbuffer",
        "rtpvp8depay", "vp8dec", "rtpopusdepay", "opusdec", "identity", "fakesink");
    Consumer<MediaEvent> ignore = event -> { };
    CallMediaSettings settings = new CallMediaSettings()
        .bindAddress("127.0.0.1")
        .allowPlainRtp(true)
        .crypto("", "")
        .camera(VideoSource.testPattern(WIDTH, HEIGHT, 30))
        .microphone("tone:440")
        .speaker("null")
        .bitrateKbps(300, 800, 1500);
    try (CallMedia parley = new CallMedia(settings, ignore)) {
      // Parley's offer, as text: this is all the GStreamer side gets to know.
      LocalMedia local = LocalMedia.builder("127.0.0.1", parley.localPort())
          .allowPlainRtp(true).video(true, false).build();
      String offerText = SdpWriter.write(OfferAnswer.createOffer(local));
      SessionDescription offer = SdpParser.parse(offerText);

      int gstPort = InteropSdp.freeUdpPort();
      SessionDescription answer = SdpParser.parse(InteropSdp.load("gstreamer-recvonly-answer.sdp", gstPort));
      NegotiatedMedia agreed = OfferAnswer.negotiate(offer, answer);
      assertEquals(gstPort, agreed.remotePort());
      assertTrue(agreed.plainRtp() && agreed.sendVideo() && !agreed.receiveVideo(), agreed.toString());

      List<String> pipeline = SdpToGStreamer.receivePipeline(offer, gstPort);
      try (GStreamer gst = GStreamer.launch(pipeline)) {
        assertTrue(gst.await(() -> gst.count(l -> l.contains("Setting pipeline to PLAYING")) > 0, TIMEOUT_SECONDS),
            "gst-launch did not start:\n" + gst.tail(30));
        parley.setRemote(agreed.remoteAddress(), agreed.remotePort());
        parley.setVideoSending(agreed.sendVideo());
        parley.start();

        boolean decoded = gst.await(
            () -> gst.count(l -> l.contains("(decoded-video:sink)") && l.contains("chain")) >= 30
                && gst.count(l -> l.contains("(decoded-audio:sink)") && l.contains("chain")) >= 50,
            TIMEOUT_SECONDS);
        long videoFrames = gst.count(l -> l.contains("(decoded-video:sink)") && l.contains("chain"));
        long audioFrames = gst.count(l -> l.contains("(decoded-audio:sink)") && l.contains("chain"));
        String stats = parley.statistics().toString();
        assertTrue(decoded, "GStreamer decoded " + videoFrames + " video and " + audioFrames
            + " audio buffers; Parley: " + stats + "\n" + gst.tail(30));
        LOG.log(System.Logger.Level.INFO, "GStreamer decoded {0} video and {1} audio buffers; Parley sent {2}",
            videoFrames, audioFrames, stats);
        String caps = gst.first(l -> l.contains("decoded-video.GstPad:src: caps = video/x-raw"));
        assertNotNull(caps, "decoded video caps");
        assertTrue(caps.contains("width=(int)" + WIDTH) && caps.contains("height=(int)" + HEIGHT), caps);
        assertTrue(parley.statistics().get(CallStatistic.FRAMES_ENCODED) > 0, stats);
        assertTrue(parley.statistics().get(CallStatistic.AUDIO_PACKETS_SENT) > 0, stats);
      }
    }
  }
}
