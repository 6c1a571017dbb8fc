package org.parley.app.ui.call;

import java.time.Instant;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallState;

/** Call snapshots for unit tests. */
final class Items {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private Items() {}

  static CallItem.Builder call(CallDirection direction, CallState state) {
    return CallItem.builder("c1", "bob", direction, T0).video(true).uploadVideoSelf(true).state(state);
  }

  static CallItem talking(Instant since) {
    return call(CallDirection.OUT, CallState.TALKING).talkingBeginTime(since).uploadVideoOther(true).build();
  }
}
