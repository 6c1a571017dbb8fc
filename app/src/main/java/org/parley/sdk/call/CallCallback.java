package org.parley.sdk.call;

import org.parley.media.call.CallMedia;

/**
 * What the {@link CallManager} tells the application (the seeds' JCCallCallback). Every method
 * runs on the SDK event thread, one at a time, never on a native or WebSocket thread; a UI hands
 * work over with {@code SwingUtilities.invokeLater}. Items are snapshots, safe to keep. All
 * methods have empty defaults.
 */
public interface CallCallback {
  /** A call was placed or arrived (state {@link CallState#PENDING}). */
  default void onCallItemAdd(CallItem item) {}

  /** A live call changed; {@code change} names the fields that differ from the last snapshot. */
  default void onCallItemUpdate(CallItem item, CallItemChange change) {}

  /** A call ended: {@code item} is in its final state with {@code reason}. */
  default void onCallItemRemove(CallItem item, CallReason reason, String description) {}

  /** The peer of a live call sent an in-call message. */
  default void onMessageReceive(CallItem item, String type, String content) {}

  /**
   * A call we did not take: unanswered, cancelled by the caller, refused busy because another
   * call was in progress, or stored by the server while we were offline (delivered after login).
   */
  default void onMissedCallItem(CallItem item) {}

  /**
   * The first picture of a call's view was drawn ({@code view} is ours or the peer's), {@code
   * width} x {@code height} pixels of source video.
   */
  default void onVideoFirstFrame(CallItem item, CallMedia.View view, int width, int height) {}

  /** The source size of a call's view changed (the peer's camera or its encoder resized). */
  default void onVideoSizeChanged(CallItem item, CallMedia.View view, int width, int height) {}
}
