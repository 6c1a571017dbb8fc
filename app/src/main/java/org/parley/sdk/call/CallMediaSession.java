package org.parley.sdk.call;

import org.parley.media.call.CallMedia;
import org.parley.media.events.MediaEvent;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;

/**
 * One call's media as the {@link CallManager} drives it, including its half of the SDP offer and
 * answer. The caller side: {@link #createOffer()}, then {@link #acceptAnswer} and {@link
 * #start()}; the callee side: {@link #createAnswer} and {@link #start()}. Any method may throw a
 * {@link RuntimeException} with the reason; the manager then ends the call with {@link
 * CallReason#MEDIA_ERROR}. The manager calls it only from the SDK event thread.
 */
public interface CallMediaSession extends AutoCloseable {
  /** The SDP offer (RFC 3264) for our side, with our bound address, port and keys. */
  String createOffer();

  /** Negotiates the peer's offer and returns our answer; media is not started yet. */
  String createAnswer(String offerSdp);

  /** Applies the peer's answer to our offer (its address, keys, SSRCs). */
  void acceptAnswer(String answerSdp);

  /** Starts sending and receiving. */
  void start();

  void setMicrophoneMuted(boolean muted);

  void setSpeakerMuted(boolean muted);

  void setVideoSending(boolean sending);

  /** Draws a view into a native window, or into a pixel buffer when {@code windowHandle} is 0. */
  void startVideo(CallMedia.View view, long windowHandle, RenderMode mode);

  void stopVideo(CallMedia.View view);

  /** Pixel-buffer views: the size, in pixels, to draw at. */
  void setPixelBufferSize(CallMedia.View view, int width, int height);

  /** Copies the view's latest BGRA picture; 0 when nothing new. */
  int copyPixels(CallMedia.View view, byte[] bgra);

  /** Replaces the camera while the call runs. */
  void switchCamera(VideoSource source);

  MediaStats statistics();

  /** Stops the media (RTCP BYE to the peer) and frees it; safe to call twice. */
  @Override
  void close();

  /** Media events (timeout, BYE, first frame...), on any thread. */
  interface Listener {
    void onMediaEvent(MediaEvent event);
  }
}
