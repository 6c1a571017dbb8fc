package org.parley.sdk.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link CallManager}'s bookkeeping: the live calls' records, the snapshot list any thread
 * may read, the change sets reported against the last snapshot the application saw, and the
 * dispatch of callbacks (a callback that throws is logged and never breaks the manager).
 *
 * <p>Threading: the records are confined to the SDK event thread; {@link #snapshot()}, {@link
 * #setCallback} and {@link #isClosed()} may be used from any thread.
 */
final class CallBook {
  private static final System.Logger LOG = System.getLogger(CallBook.class.getName());

  // Confined to the event thread.
  private final Map<String, CallRecord> calls = new LinkedHashMap<>();

  // Readable from any thread.
  private volatile List<CallItem> snapshot = List.of();
  private volatile CallCallback callback = new CallCallback() {};
  private volatile boolean closed;

  /** Where call events go (replaces the previous callback; null for none). */
  void setCallback(CallCallback callback) {
    this.callback = callback == null ? new CallCallback() {} : callback;
  }

  /** Snapshots of all live calls, oldest first (any thread). */
  List<CallItem> snapshot() {
    return snapshot;
  }

  /** Whether the manager was closed: no new calls, no new timers. */
  boolean isClosed() {
    return closed;
  }

  void markClosed() {
    closed = true;
  }

  /** The live call {@code id}, or null. */
  CallRecord get(String id) {
    return id == null ? null : calls.get(id);
  }

  boolean contains(String id) {
    return calls.containsKey(id);
  }

  /** A copy of the live calls, oldest first (safe to iterate while calls end). */
  List<CallRecord> records() {
    return new ArrayList<>(calls.values());
  }

  /** Records a new call and tells the application ({@link CallCallback#onCallItemAdd}). */
  void add(CallRecord c) {
    calls.put(c.item.id(), c);
    publish();
    CallItem item = c.item;
    dispatch(cb -> cb.onCallItemAdd(item));
  }

  /** Forgets an ended call (the caller reports the removal). */
  void remove(CallRecord c) {
    calls.remove(c.item.id());
    publish();
  }

  /** Replaces the snapshot of {@code c} and tells the application what changed, if anything it sees. */
  void update(CallRecord c, CallItem next) {
    c.item = next;
    publish();
    CallItemChange change = CallItemChange.between(c.reported, next);
    if (!change.isEmpty()) {
      c.reported = next;
      dispatch(cb -> cb.onCallItemUpdate(next, change));
    }
  }

  /** Whether the other live calls leave room for {@code c}: the call limit, one video call. */
  boolean roomFor(CallRecord c, int maxCalls) {
    int others = 0;
    boolean otherVideo = false;
    for (CallRecord o : calls.values()) {
      if (o != c) {
        others++;
        otherVideo |= o.item.video();
      }
    }
    return others < maxCalls && !otherVideo && !(c.item.video() && others > 0);
  }

  /** Runs one callback on the current (event) thread, logging what it throws. */
  void dispatch(Consumer<CallCallback> call) {
    try {
      call.accept(callback);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "a call callback threw", e);
    }
  }

  private void publish() {
    List<CallItem> items = new ArrayList<>(calls.size());
    for (CallRecord c : calls.values()) {
      items.add(c.item);
    }
    snapshot = List.copyOf(items);
  }
}
