package org.parley.media.call;

import java.util.Objects;
import java.util.function.Consumer;
import org.parley.media.events.MediaEvent;
import org.parley.media.events.MediaEventPump;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.RenderMode;

/**
 * One call's audio and video, run by the native core over one UDP socket: SRTP, RTCP feedback,
 * retransmission, rate control, audio jitter buffer and lip sync.
 *
 * <p>Create it while negotiating (it binds its socket, so {@link #localPort()} can go into the
 * SDP), {@link #start()} it when both sides agreed, and close it when the call ends. Events
 * (media timeout, BYE, audio-device trouble, first frame of a view) reach the listener on the
 * media event thread. Methods are synchronized; statistics may be polled often.
 */
public final class CallMedia implements AutoCloseable {
  /** The two video views of a call. */
  public enum View {
    SELF(ParleyCore.CALL_VIEW_SELF),
    OTHER(ParleyCore.CALL_VIEW_OTHER);

    final int code;

    View(int code) {
      this.code = code;
    }
  }

  private final ParleyCore.CallMedia call;
  private final long id;
  private final long[] statistics = new long[ParleyCore.callStatisticCount()];
  private boolean closed;

  /**
   * Binds the media socket.
   *
   * @throws IllegalArgumentException for settings the core refuses (bad address, key, range),
   *     with the reason
   */
  public CallMedia(CallMediaSettings settings, Consumer<MediaEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    try (ParleyCore.VideoSourceConfig camera = settings.camera().toNative();
        ParleyCore.CallMediaSettings nativeSettings = settings.toNative(camera)) {
      call = new ParleyCore.CallMedia(nativeSettings);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    id = call.id();
    MediaEventPump.get().register(id, listener);
  }

  /** The id events carry in {@link MediaEvent#objectId()}. */
  public long id() {
    return id;
  }

  public synchronized int localPort() {
    checkOpen();
    return call.localPort();
  }

  /** The peer's media address, when it is learnt after creation (the SDP answer). */
  public synchronized void setRemote(String address, int port) {
    checkOpen();
    try {
      call.setRemote(address, port);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Starts sending and receiving. A device that cannot be opened raises an event and the call
   * goes on without it.
   *
   * @throws IllegalStateException when the media cannot run (no keys and plain RTP not allowed,
   *     no remote address), with the reason
   */
  public synchronized void start() {
    checkOpen();
    try {
      call.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Draws a view into a native window (handle from {@link
   * org.parley.media.video.NativeWindow#handleOf}) or, with handle 0, into a pixel buffer read
   * with {@link #copyPixels}.
   */
  public synchronized void startVideo(View view, long windowHandle, RenderMode mode) {
    checkOpen();
    try {
      call.startVideoView(view.code, windowHandle, mode.code);
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public synchronized void stopVideo(View view) {
    checkOpen();
    call.stopVideoView(view.code);
  }

  public synchronized void setPixelBufferSize(View view, int width, int height) {
    checkOpen();
    call.setPixelBufferSize(view.code, width, height);
  }

  /** Copies the view's latest BGRA picture; 0 when nothing new since the last copy. */
  public synchronized int copyPixels(View view, byte[] bgra) {
    checkOpen();
    return call.copyPixels(view.code, bgra, bgra.length);
  }

  /** Sends silence (Opus DTX) instead of the microphone; the peer learns it through signalling. */
  public synchronized void setMicrophoneMuted(boolean muted) {
    checkOpen();
    call.setMicrophoneMuted(muted);
  }

  public synchronized void setSpeakerMuted(boolean muted) {
    checkOpen();
    call.setSpeakerMuted(muted);
  }

  public synchronized void setVideoSending(boolean sending) {
    checkOpen();
    call.setVideoSending(sending);
  }

  /**
   * The SDP answer's a=crypto value, when it arrives after construction (the offerer binds its
   * socket for the offer first). Before {@link #start()} only.
   *
   * @throws IllegalArgumentException for a malformed value
   * @throws IllegalStateException once started
   */
  public synchronized void setRemoteCrypto(String remoteCrypto) {
    checkOpen();
    try {
      call.setRemoteCrypto(Objects.requireNonNull(remoteCrypto));
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** The answer's a=ssrc values (0: learn from the first packet). Before {@link #start()} only. */
  public synchronized void setRemoteSsrcs(long audioSsrc, long videoSsrc) {
    checkOpen();
    try {
      call.setRemoteSsrcs(audioSsrc, videoSsrc);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Our audio SSRC for the SDP (0 without audio). */
  public synchronized long localAudioSsrc() {
    checkOpen();
    return call.localAudioSsrc();
  }

  /** Our video SSRC for the SDP (0 without video). */
  public synchronized long localVideoSsrc() {
    checkOpen();
    return call.localVideoSsrc();
  }

  /** Our RTX SSRC (a=ssrc-group:FID with the video SSRC); 0 without RTX. */
  public synchronized long localVideoRtxSsrc() {
    checkOpen();
    return call.localVideoRtxSsrc();
  }

  /**
   * Switches the camera while the call goes on; the peer gets a keyframe at the new size. A
   * source that cannot be opened raises a {@code CAPTURE_ERROR} event and the call goes on
   * without our video until the next switch.
   *
   * @throws IllegalArgumentException for a malformed source (bad size or rate)
   */
  public synchronized void switchCamera(org.parley.media.video.VideoSource source) {
    checkOpen();
    try (ParleyCore.VideoSourceConfig config = source.toNative()) {
      call.switchCamera(config);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** A snapshot of the figures (one native call, no allocation beyond the snapshot). */
  public synchronized CallStatistics statistics() {
    checkOpen();
    call.statistics(statistics, statistics.length);
    return new CallStatistics(statistics);
  }

  /** Stops the media (RTCP BYE to the peer) and frees the native side; safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    call.stop();
    call.close();
    MediaEventPump.get().unregister(id);
  }

  /** std::logic_error (wrong moment) becomes IllegalStateException, the rest bad arguments. */
  private static RuntimeException translate(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("after start") || message.contains("already started")) {
      return new IllegalStateException(message, e);
    }
    return new IllegalArgumentException(message, e);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the call media is closed");
    }
  }
}
