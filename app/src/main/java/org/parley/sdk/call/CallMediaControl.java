package org.parley.sdk.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.media.call.CallMedia;

/**
 * The {@link CallManager}'s hands on its calls' media: creates it through the factory, applies
 * the views and the item's flags, closes it, and never lets a media failure escape (they are
 * logged; the call's own events decide its fate). Used on the SDK event thread, except {@link
 * #copyPixels}, which any thread may call.
 */
final class CallMediaControl {
  private static final System.Logger LOG = System.getLogger(CallMediaControl.class.getName());

  private final CallMediaFactory factory;
  private final Map<String, CallMediaSession> byCallId = new ConcurrentHashMap<>();

  CallMediaControl(CallMediaFactory factory) {
    this.factory = factory;
  }

  /** Makes the media of {@code c} and applies the views asked for so far. */
  void create(CallRecord c, MediaRequest request, CallMediaSession.Listener listener) {
    c.media = factory.create(request, listener);
    byCallId.put(request.callId(), c.media);
    for (CallMedia.View v : CallMedia.View.values()) {
      applyView(c, v);
    }
  }

  /** Puts the item's flags into the media: a hold on either side pauses both directions. */
  void applyFlags(CallRecord c) {
    CallItem i = c.item;
    boolean paused = i.held() || i.otherHeld();
    quietly(c, m -> {
      m.setMicrophoneMuted(i.microphoneMuted() || paused);
      m.setSpeakerMuted(i.speakerMuted() || paused);
      m.setVideoSending(i.uploadVideoSelf() && !paused);
    });
  }

  void applyView(CallRecord c, CallMedia.View view) {
    CallRecord.ViewRequest r = c.views[view.ordinal()];
    if (r == null) {
      return;
    }
    quietly(c, m -> {
      m.startVideo(view, r.handle, r.mode);
      if (r.width > 0 && r.height > 0) {
        m.setPixelBufferSize(view, r.width, r.height);
      }
    });
  }

  void close(CallRecord c) {
    if (c.media != null) {
      byCallId.remove(c.item.id());
      try {
        c.media.close();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "closing media of " + c.item.id() + " failed", e);
      }
      c.media = null;
    }
  }

  /** Copies a view's picture of a call (any thread); 0 without media or on failure. */
  int copyPixels(String callId, CallMedia.View view, byte[] bgra) {
    CallMediaSession media = byCallId.get(callId);
    if (media == null) {
      return 0;
    }
    try {
      return media.copyPixels(view, bgra);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  interface Action {
    void run(CallMediaSession media);
  }

  /** Runs {@code action} on the call's media, if any, logging a failure. */
  void quietly(CallRecord c, Action action) {
    if (c.media == null) {
      return;
    }
    try {
      action.run(c.media);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "media of call " + c.item.id() + ": " + e.getMessage());
    }
  }
}
