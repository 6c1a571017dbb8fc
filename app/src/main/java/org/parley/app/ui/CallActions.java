package org.parley.app.ui;

import org.parley.sdk.call.CallItem;

/**
 * What the people list, the incoming-call notification and the call history may ask of the
 * call window: place, answer or decline a call. Implemented by {@code ui.call.CallController};
 * every method is called on the Swing event thread and returns at once (the SDK does the work
 * on its own thread and reports through callbacks).
 */
public interface CallActions {
  /** Calls {@code userId}, with video or voice only. */
  void placeCall(String userId, boolean video);

  /** Answers an incoming call, with video or voice only. */
  void answer(CallItem item, boolean video);

  /** Declines an incoming call (the caller is told it was declined). */
  void decline(CallItem item);
}
