package org.parley.sdk.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.media.events.MediaEvent;
import org.parley.sdk.event.SdkEventThread;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/**
 * Callbacks run on the SDK event thread even when the calls, the signalling pushes and the media
 * events come from other threads (the test thread, a "WebSocket" thread, a "native" thread).
 */
class CallManagerThreadingTest {
  @Test
  void everyCallbackRunsOnTheEventThread() throws Exception {
    FakeSignalling signalling = new FakeSignalling();
    FakeMediaFactory media = new FakeMediaFactory();
    RecordingCallback events = new RecordingCallback();
    CountDownLatch removed = new CountDownLatch(1);
    try (SdkEventThread thread = new SdkEventThread("sdk-events-test")) {
      CallManager calls = new CallManager("alice", signalling, media, thread, Clock.systemUTC(), CallConfig.defaults());
      calls.setCallback(new CallCallback() {
        @Override
        public void onCallItemAdd(CallItem item) {
          events.onCallItemAdd(item);
        }

        @Override
        public void onCallItemUpdate(CallItem item, CallItemChange change) {
          events.onCallItemUpdate(item, change);
        }

        @Override
        public void onCallItemRemove(CallItem item, CallReason reason, String description) {
          events.onCallItemRemove(item, reason, description);
          removed.countDown();
        }
      });
      CallItem item = calls.call("bob", true, "");
      Thread socket = new Thread(() -> calls.onSignallingMessage(
          Message.builder(MessageType.ACCEPT).put("callId", item.id()).put("from", "bob")
              .put("video", true).put("sdp", "s").build()), "fake-websocket");
      socket.start();
      socket.join();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (calls.getActiveCallItem() == null || calls.getActiveCallItem().state() != CallState.TALKING) {
        assertTrue(System.nanoTime() < deadline, "talking");
        Thread.sleep(10);
      }
      Thread nativeThread = new Thread(() -> media.last().raise(MediaEvent.Type.MEDIA_TIMEOUT, 0), "fake-native");
      nativeThread.start();
      nativeThread.join();
      assertTrue(removed.await(10, TimeUnit.SECONDS));
      calls.close();
    }
    List<String> threads = events.events.stream().map(RecordingCallback.Event::thread).distinct().toList();
    assertEquals(List.of("sdk-events-test"), threads);
    assertEquals(List.of("add", "update", "update", "remove"), events.kinds());
  }
}
