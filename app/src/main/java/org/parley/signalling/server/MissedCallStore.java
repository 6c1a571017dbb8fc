package org.parley.signalling.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls that reached an offline user, kept until the user's next login: at most
 * {@code perUser} per user (oldest dropped), each for {@code keep}, and at most
 * {@code maxUsers} users (new users beyond are not stored, against a flood of invites to made-up
 * ids). Time comes from the caller. Confined to the server core thread.
 */
final class MissedCallStore {
  /** One missed call as {@code login-ok.missedCalls} carries it. */
  record MissedCall(String callId, String from, boolean video, String extraParam, Instant at) {}

  private final int perUser;
  private final Duration keep;
  private final int maxUsers;
  private final Map<String, ArrayDeque<MissedCall>> byUser = new LinkedHashMap<>();

  MissedCallStore(int perUser, Duration keep, int maxUsers) {
    this.perUser = perUser;
    this.keep = keep;
    this.maxUsers = maxUsers;
  }

  /** Stores {@code call} for {@code user}; false when the store is full of other users. */
  boolean add(String user, MissedCall call) {
    ArrayDeque<MissedCall> calls = byUser.get(user);
    if (calls == null) {
      if (byUser.size() >= maxUsers) {
        return false;
      }
      calls = new ArrayDeque<>();
      byUser.put(user, calls);
    }
    if (calls.size() == perUser) {
      calls.removeFirst();
    }
    calls.addLast(call);
    return true;
  }

  /** Removes and returns {@code user}'s missed calls not older than the keep time. */
  List<MissedCall> take(String user, Instant now) {
    ArrayDeque<MissedCall> calls = byUser.remove(user);
    List<MissedCall> out = new ArrayList<>();
    if (calls != null) {
      for (MissedCall c : calls) {
        if (isFresh(c, now)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Forgets calls older than the keep time. */
  void prune(Instant now) {
    Iterator<ArrayDeque<MissedCall>> it = byUser.values().iterator();
    while (it.hasNext()) {
      ArrayDeque<MissedCall> calls = it.next();
      calls.removeIf(c -> !isFresh(c, now));
      if (calls.isEmpty()) {
        it.remove();
      }
    }
  }

  private boolean isFresh(MissedCall c, Instant now) {
    return now.isBefore(c.at().plus(keep));
  }
}
