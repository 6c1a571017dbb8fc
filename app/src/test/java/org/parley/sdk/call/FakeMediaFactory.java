package org.parley.sdk.call;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.call.CallMedia;
import org.parley.media.events.MediaEvent;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;

/** A {@link CallMediaFactory} whose sessions only record what they were told. */
final class FakeMediaFactory implements CallMediaFactory {
  final List<Session> sessions = new ArrayList<>();
  /** When set, {@link #create} throws this. */
  RuntimeException failCreate;
  /** When set, {@link Session#start()} throws this. */
  RuntimeException failStart;

  @Override
  public CallMediaSession create(MediaRequest request, CallMediaSession.Listener listener) {
    if (failCreate != null) {
      throw failCreate;
    }
    Session s = new Session(request, listener);
    sessions.add(s);
    return s;
  }

  Session last() {
    return sessions.get(sessions.size() - 1);
  }

  final class Session implements CallMediaSession {
    final MediaRequest request;
    final CallMediaSession.Listener listener;
    String offerSeen;
    String answerSeen;
    boolean started;
    boolean closed;
    boolean micMuted;
    boolean speakerMuted;
    boolean videoSending = true;
    VideoSource camera;
    final List<String> views = new ArrayList<>();
    MediaStats stats = MediaStats.EMPTY;

    Session(MediaRequest request, CallMediaSession.Listener listener) {
      this.request = request;
      this.listener = listener;
    }

    /** Raises a media event as the native pump would. */
    void raise(MediaEvent.Type type, int value) {
      listener.onMediaEvent(new MediaEvent(type, 1, 640, 480, value, ""));
    }

    @Override
    public String createOffer() {
      return "offer-of-" + request.callId();
    }

    @Override
    public String createAnswer(String offerSdp) {
      offerSeen = offerSdp;
      return "answer-to-" + offerSdp;
    }

    @Override
    public void acceptAnswer(String answerSdp) {
      answerSeen = answerSdp;
    }

    @Override
    public void start() {
      if (failStart != null) {
        throw failStart;
      }
      started = true;
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
      micMuted = muted;
    }

    @Override
    public void setSpeakerMuted(boolean muted) {
      speakerMuted = muted;
    }

    @Override
    public void setVideoSending(boolean sending) {
      videoSending = sending;
    }

    @Override
    public void startVideo(CallMedia.View view, long windowHandle, RenderMode mode) {
      views.add("start " + view + " " + windowHandle + " " + mode);
    }

    @Override
    public void stopVideo(CallMedia.View view) {
      views.add("stop " + view);
    }

    @Override
    public void setPixelBufferSize(CallMedia.View view, int width, int height) {
      views.add("size " + view + " " + width + "x" + height);
    }

    @Override
    public int copyPixels(CallMedia.View view, byte[] bgra) {
      return 0;
    }

    @Override
    public void switchCamera(VideoSource source) {
      camera = source;
    }

    @Override
    public MediaStats statistics() {
      return stats;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
