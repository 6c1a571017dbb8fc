package org.parley.sdk.call;

import org.parley.media.call.CallMedia;
import org.parley.media.video.RenderMode;
import org.parley.sdk.event.SdkScheduler;

/**
 * The {@link CallManager}'s mutable record of one live call: the latest snapshot, the media,
 * timers and the video views asked for. Confined to the SDK event thread.
 */
final class CallRecord {
  CallItem item;
  /** The last snapshot the application was told about (changes are reported against it). */
  CallItem reported;
  /** Whether the invite went out (outgoing calls). */
  boolean inviteSent;
  /** Whether our media may send video (an outgoing video call, or answered with video). */
  boolean canSendVideo;
  CallMediaSession media;
  /** The peer's offer, kept until we answer (incoming calls). */
  String offerSdp;
  /** Whether our side announced video in invite/accept (what the peer assumes we send). */
  boolean announcedVideo;
  SdkScheduler.Cancellable ringTimer;
  SdkScheduler.Cancellable connectTimer;
  SdkScheduler.Cancellable byeTimer;
  final QualityMeter quality = new QualityMeter();
  /** Views asked for before the media existed: handle and mode per view, null when none. */
  final ViewRequest[] views = new ViewRequest[CallMedia.View.values().length];

  /** A view to draw: window handle (0: pixel buffer) and mode, and the pixel-buffer size. */
  static final class ViewRequest {
    final long handle;
    final RenderMode mode;
    int width;
    int height;

    ViewRequest(long handle, RenderMode mode) {
      this.handle = handle;
      this.mode = mode;
    }
  }

  CallRecord(CallItem item) {
    this.item = item;
    this.reported = item;
  }

  void cancelTimers() {
    for (SdkScheduler.Cancellable t : new SdkScheduler.Cancellable[] {ringTimer, connectTimer, byeTimer}) {
      if (t != null) {
        t.cancel();
      }
    }
    ringTimer = null;
    connectTimer = null;
    byeTimer = null;
  }
}
