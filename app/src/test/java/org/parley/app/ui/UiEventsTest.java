package org.parley.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.Peer;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.signalling.client.ConnectionState;

class UiEventsTest {
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor queue = queued::add;

  @Test
  void callbacksWaitForTheUiThreadAndReachEverySubscriberInOrder() {
    UiEvents hub = new UiEvents(queue);
    List<String> seen = new ArrayList<>();
    hub.addClientListener(new ParleyClient.Listener() {
      @Override
      public void onPresence(Peer peer) {
        seen.add("first " + peer.user());
      }
    });
    hub.addClientListener(new ParleyClient.Listener() {
      @Override
      public void onPresence(Peer peer) {
        seen.add("second " + peer.user());
      }
    });
    hub.onPresence(new Peer("bob", "Bob", "online"));
    assertEquals(List.of(), seen, "nothing runs on the SDK thread");
    queued.forEach(Runnable::run);
    assertEquals(List.of("first bob", "second bob"), seen);
  }

  @Test
  void aThrowingSubscriberDoesNotStopTheOthers() {
    UiEvents hub = new UiEvents(Runnable::run);
    List<CallReason> removed = new ArrayList<>();
    hub.addCallCallback(new CallCallback() {
      @Override
      public void onCallItemRemove(CallItem item, CallReason reason, String description) {
        throw new IllegalStateException("broken subscriber");
      }
    });
    hub.addCallCallback(new CallCallback() {
      @Override
      public void onCallItemRemove(CallItem item, CallReason reason, String description) {
        removed.add(reason);
      }
    });
    CallItem item = CallItem.builder("c1", "bob", CallDirection.OUT, java.time.Instant.EPOCH)
        .build();
    hub.onCallItemRemove(item, CallReason.TERM_BY_PEER, "");
    assertEquals(List.of(CallReason.TERM_BY_PEER), removed);
  }

  @Test
  void removedSubscribersHearNothingMore() {
    UiEvents hub = new UiEvents(Runnable::run);
    List<ConnectionState> states = new ArrayList<>();
    ParleyClient.Listener l = new ParleyClient.Listener() {
      @Override
      public void onLoginStateChanged(ConnectionState state, String reason) {
        states.add(state);
      }
    };
    hub.addClientListener(l);
    hub.onLoginStateChanged(ConnectionState.CONNECTED, "");
    hub.removeClientListener(l);
    hub.onLoginStateChanged(ConnectionState.LOGGED_OUT, "");
    assertEquals(List.of(ConnectionState.CONNECTED), states);
  }
}
