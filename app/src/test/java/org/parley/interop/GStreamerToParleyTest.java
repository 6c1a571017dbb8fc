package org.parley.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.parley.media.call.CallMedia;
import org.parley.media.call.CallMediaSettings;
import org.parley.media.call.CallStatistic;
import org.parley.media.call.CallStatistics;
import org.parley.media.events.MediaEvent;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;
import org.parley.sdk.sdp.LocalMedia;
import org.parley.sdk.sdp.NegotiatedMedia;
import org.parley.sdk.sdp.OfferAnswer;
import org.parley.sdk.sdp.SdpParser;
import org.parley.sdk.sdp.SessionDescription;

/**
 * GStreamer sends, Parley plays: gst-launch-1.0 encodes videotestsrc with vp8enc and
 * audiotestsrc with opusenc, payloads them (rtpvp8pay with 15-bit PictureID, rtpopuspay) and
 * sends both to one Parley port. Parley answers GStreamer's SDP in plain RTP, takes its settings
 * from the negotiation, and must render frames into its pixel buffer and play audio; the
 * picture must be the test pattern, not a uniform fill.
 */
class GStreamerToParleyTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final int TIMEOUT_SECONDS = 30;
  private static final System.Logger LOG = System.getLogger(GStreamerToParleyTest.class.getName());

  @Test
  void parleyRendersWhatGStreamerSends() throws Exception {
    GStreamer.requireElements("videotestsrc", "vp8enc", "rtpvp8pay", "audiotestsrc", "opusenc",
        "rtpopuspay", "udpsink");
    Consumer<MediaEvent> ignore = event -> { };
    // GStreamer does not listen; this socket takes what Parley sends back (RTCP, audio).
    try (DatagramSocket gstSide = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      SessionDescription offer =
          SdpParser.parse(InteropSdp.load("gstreamer-sendonly-offer.sdp", gstSide.getLocalPort()));
      // The agreement does not depend on our port: negotiate a draft answer, create the media
      // from it, then write the real answer with the media's port.
      LocalMedia draft = LocalMedia.builder("127.0.0.1", 9).allowPlainRtp(true).video(false, true).build();
      NegotiatedMedia agreed = OfferAnswer.negotiate(OfferAnswer.createAnswer(offer, draft), offer);
      assertTrue(agreed.plainRtp() && agreed.receiveVideo() && !agreed.sendVideo(), agreed.toString());
      CallMediaSettings settings = agreed.applyTo(new CallMediaSettings()
          .bindAddress("127.0.0.1")
          .camera(VideoSource.testPattern(WIDTH, HEIGHT, 15))
          .microphone("tone:440")
          .speaker("null"));
      try (CallMedia parley = new CallMedia(settings, ignore)) {
        LocalMedia local = LocalMedia.builder("127.0.0.1", parley.localPort())
            .allowPlainRtp(true).video(false, true).build();
        SessionDescription answer = OfferAnswer.createAnswer(offer, local);
        int parleyPort = answer.media().get(1).port();
        assertEquals(parley.localPort(), parleyPort);

        parley.startVideo(CallMedia.View.OTHER, 0, RenderMode.FULL_CONTENT);
        parley.setPixelBufferSize(CallMedia.View.OTHER, WIDTH, HEIGHT);
        parley.setVideoSending(agreed.sendVideo());
        parley.start();

        List<String> sender = List.of(
            "videotestsrc", "is-live=true", "pattern=smpte",
            "!", "video/x-raw,width=" + WIDTH + ",height=" + HEIGHT + ",framerate=30/1",
            "!", "vp8enc", "deadline=1", "keyframe-max-dist=30", "target-bitrate=500000",
            "!", "rtpvp8pay", "pt=" + agreed.videoPayloadType(), "picture-id-mode=15-bit",
            "!", "udpsink", "host=127.0.0.1", "port=" + parleyPort,
            "audiotestsrc", "is-live=true", "freq=440",
            "!", "audio/x-raw,rate=48000,channels=2",
            "!", "opusenc",
            "!", "rtpopuspay", "pt=" + agreed.audioPayloadType(),
            "!", "udpsink", "host=127.0.0.1", "port=" + parleyPort);
        try (GStreamer gst = GStreamer.launch(sender)) {
          CallStatistics stats = await(parley, s -> s.get(CallStatistic.FRAMES_RENDERED) > 30
              && s.get(CallStatistic.AUDIO_PLAYED_MS) > 1000);
          LOG.log(System.Logger.Level.INFO, "Parley received from GStreamer: {0}", stats);
          assertTrue(stats.get(CallStatistic.FRAMES_RENDERED) > 30, stats + "\n" + gst.tail(20));
          assertTrue(stats.get(CallStatistic.AUDIO_PLAYED_MS) > 1000, stats.toString());
          assertTrue(stats.get(CallStatistic.FRAMES_DECODED) > 30, stats.toString());
          assertTrue(stats.get(CallStatistic.OUTPUT_LEVEL) > 0, "the tone is heard: " + stats);
          assertTrue(gst.isAlive(), "the sender still runs:\n" + gst.tail(20));

          byte[] bgra = new byte[WIDTH * HEIGHT * 4];
          assertTrue(awaitPicture(parley, bgra), "a picture reached the pixel buffer");
          assertFalse(uniform(bgra), "the picture is the SMPTE pattern, not a uniform fill");
        }
      }
    }
  }

  private static CallStatistics await(CallMedia call, java.util.function.Predicate<CallStatistics> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    CallStatistics stats = call.statistics();
    while (!done.test(stats) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      stats = call.statistics();
    }
    return stats;
  }

  private static boolean awaitPicture(CallMedia call, byte[] bgra) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (call.copyPixels(CallMedia.View.OTHER, bgra) > 0) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Whether every pixel has the colour of the first (ignoring alpha). */
  private static boolean uniform(byte[] bgra) {
    for (int i = 4; i < bgra.length; i += 4) {
      if (bgra[i] != bgra[0] || bgra[i + 1] != bgra[1] || bgra[i + 2] != bgra[2]) {
        return false;
      }
    }
    return true;
  }
}
