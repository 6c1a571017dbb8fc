package org.parley.sdk.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The call records: snapshots, change sets, callback dispatch and the room for another call. */
class CallBookTest {
  private final CallBook book = new CallBook();
  private final RecordingCallback events = new RecordingCallback();

  CallBookTest() {
    book.setCallback(events);
  }

  private static CallRecord record(String id, boolean video) {
    return new CallRecord(CallItem.builder(id, "bob", CallDirection.OUT, Instant.EPOCH)
        .video(video).state(CallState.PENDING).build());
  }

  @Test
  void addPublishesTheSnapshotAndTellsTheApplication() {
    CallRecord c = record("c1", false);
    book.add(c);
    assertEquals(List.of(c.item), book.snapshot());
    assertEquals(List.of("add"), events.kinds());
    book.remove(c);
    assertTrue(book.snapshot().isEmpty());
    assertNull(book.get("c1"));
    assertNull(book.get(null));
  }

  @Test
  void updateReportsOnlyWhatChangedSinceTheLastReport() {
    CallRecord c = record("c1", false);
    book.add(c);
    book.update(c, c.item.toBuilder().state(CallState.TALKING).build());
    book.update(c, c.item.toBuilder().build()); // nothing new: no callback
    book.update(c, c.item.toBuilder().microphoneMuted(true).build());
    List<RecordingCallback.Event> updates = events.of("update");
    assertEquals(2, updates.size());
    assertTrue(updates.get(0).change().contains(CallItemChange.Field.STATE));
    assertTrue(updates.get(1).change().contains(CallItemChange.Field.MICROPHONE_MUTED));
    assertEquals(false, updates.get(1).change().contains(CallItemChange.Field.STATE));
    assertEquals(CallState.TALKING, book.snapshot().get(0).state());
  }

  @Test
  void aThrowingCallbackDoesNotBreakTheBook() {
    book.setCallback(new CallCallback() {
      @Override
      public void onCallItemAdd(CallItem item) {
        throw new IllegalStateException("application bug");
      }
    });
    CallRecord c = record("c1", false);
    book.add(c);
    assertEquals(1, book.snapshot().size());
    book.setCallback(null); // none: events are dropped quietly
    book.update(c, c.item.toBuilder().state(CallState.TALKING).build());
    assertEquals(CallState.TALKING, book.get("c1").item.state());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "no other call, '', false, 2, true",
    "voice beside voice, v0, false, 2, true",
    "video beside voice, v0, true, 2, false",
    "voice beside video, V0, false, 2, false",
    "limit reached, v0 v1, false, 2, false",
    "limit of one, v0, false, 1, false",
  })
  void roomForAnotherCall(String name, String others, boolean video, int maxCalls, boolean room) {
    for (String o : others.split(" ")) {
      if (!o.isEmpty()) {
        book.add(record(o, o.startsWith("V")));
      }
    }
    CallRecord c = record("new", video);
    assertEquals(room, book.roomFor(c, maxCalls), name);
    book.add(c);
    assertEquals(room, book.roomFor(c, maxCalls), name + " (counting itself out)");
  }
}
