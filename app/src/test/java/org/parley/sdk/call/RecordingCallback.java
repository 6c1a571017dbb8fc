package org.parley.sdk.call;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.call.CallMedia;

/** Records every callback with the thread it ran on. */
final class RecordingCallback implements CallCallback {
  record Event(String kind, CallItem item, CallItemChange change, CallReason reason, String text, String thread) {}

  final List<Event> events = new ArrayList<>();

  private synchronized void add(String kind, CallItem item, CallItemChange change, CallReason reason, String text) {
    events.add(new Event(kind, item, change, reason, text, Thread.currentThread().getName()));
  }

  @Override
  public void onCallItemAdd(CallItem item) {
    add("add", item, null, null, null);
  }

  @Override
  public void onCallItemUpdate(CallItem item, CallItemChange change) {
    add("update", item, change, null, null);
  }

  @Override
  public void onCallItemRemove(CallItem item, CallReason reason, String description) {
    add("remove", item, null, reason, description);
  }

  @Override
  public void onMessageReceive(CallItem item, String type, String content) {
    add("message", item, null, null, type + ":" + content);
  }

  @Override
  public void onMissedCallItem(CallItem item) {
    add("missed", item, null, item.reason(), null);
  }

  @Override
  public void onVideoFirstFrame(CallItem item, CallMedia.View view, int width, int height) {
    add("first-frame", item, null, null, view + " " + width + "x" + height);
  }

  synchronized List<Event> of(String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  synchronized Event last(String kind) {
    List<Event> l = of(kind);
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  /** The kinds in order, e.g. [add, update, remove]. */
  synchronized List<String> kinds() {
    List<String> k = new ArrayList<>();
    for (Event e : events) {
      k.add(e.kind());
    }
    return k;
  }
}
