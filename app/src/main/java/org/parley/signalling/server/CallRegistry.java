package org.parley.signalling.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls in progress, by call id, with lookups by party (indexed, so that presence and
 * busy checks cost the same with ten calls or ten thousand). Confined to the core thread.
 */
final class CallRegistry {
  private final Map<String, Call> byId = new HashMap<>();
  private final Map<String, List<Call>> byUser = new HashMap<>();

  Call get(String callId) {
    return byId.get(callId);
  }

  void add(Call call) {
    Call old = byId.put(call.id, call);
    if (old != null) {
      unindex(old);
    }
    byUser.computeIfAbsent(call.caller, u -> new ArrayList<>(1)).add(call);
    byUser.computeIfAbsent(call.callee, u -> new ArrayList<>(1)).add(call);
  }

  void remove(Call call) {
    if (byId.remove(call.id, call)) {
      unindex(call);
    }
  }

  private void unindex(Call call) {
    for (String user : new String[] {call.caller, call.callee}) {
      List<Call> list = byUser.get(user);
      if (list != null) {
        list.remove(call);
        if (list.isEmpty()) {
          byUser.remove(user);
        }
      }
    }
  }

  /** The calls {@code user} is a party of (a copy). */
  List<Call> callsOf(String user) {
    List<Call> list = byUser.get(user);
    return list == null ? new ArrayList<>() : new ArrayList<>(list);
  }

  /** Whether {@code user} is a party of any call (ringing or talking). */
  boolean inAnyCall(String user) {
    return byUser.containsKey(user);
  }

  /** Whether {@code user} is talking in a call (presence {@code busy}). */
  boolean isTalking(String user) {
    List<Call> list = byUser.get(user);
    if (list != null) {
      for (Call c : list) {
        if (c.state == Call.State.TALKING) {
          return true;
        }
      }
    }
    return false;
  }

  /** A snapshot of all calls. */
  List<Call> all() {
    return new ArrayList<>(byId.values());
  }

  int size() {
    return byId.size();
  }
}
