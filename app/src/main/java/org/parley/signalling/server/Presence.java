package org.parley.signalling.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.PresenceStatus;

/**
 * Presence subscriptions and their pushes. A user logged in with presence {@code all} hears
 * about everyone; one in {@code watch} mode only about the users it named in {@code watch}
 * messages (its watch list, at most {@link #MAX_WATCHED} users). A change of user X is
 * therefore pushed to the {@code all} users and the watchers of X only, and the push is encoded
 * once for all of them ({@link MessageRouter#deliverEach}). Also builds the {@code peers} list.
 * Confined to the server core thread.
 */
final class Presence {
  /** At most this many users on one user's watch list. */
  static final int MAX_WATCHED = 1024;

  private final UserDirectory directory;
  private final MessageRouter router;
  /** Users whose session is in {@code all} mode, in login order. */
  private final Set<String> everyone = new LinkedHashSet<>();
  /** Watched user → the users watching them. */
  private final Map<String, Set<String>> watchers = new HashMap<>();
  /** Watcher → the users on its watch list. */
  private final Map<String, Set<String>> watching = new HashMap<>();

  Presence(UserDirectory directory, MessageRouter router) {
    this.directory = directory;
    this.router = router;
  }

  /** {@code user} hears about every other user from now on. */
  void subscribeAll(String user) {
    everyone.add(user);
  }

  /** Whether {@code user} is in {@code all} mode. */
  boolean isSubscribedToAll(String user) {
    return everyone.contains(user);
  }

  /**
   * Puts {@code users} on {@code watcher}'s watch list ({@code replace}: instead of the old
   * list) and returns the distinct users named, without {@code watcher} itself.
   *
   * @throws IllegalArgumentException when the list would exceed {@link #MAX_WATCHED} (nothing
   *     changes then)
   */
  List<String> watch(String watcher, Collection<String> users, boolean replace) {
    Set<String> named = new LinkedHashSet<>(users);
    named.remove(watcher);
    Set<String> old = watching.getOrDefault(watcher, Set.of());
    Set<String> next = new LinkedHashSet<>(replace ? Set.of() : old);
    next.addAll(named);
    if (next.size() > MAX_WATCHED) {
      throw new IllegalArgumentException("a watch list holds at most " + MAX_WATCHED + " users");
    }
    if (replace) {
      for (String u : old) {
        if (!next.contains(u)) {
          unwatch(watcher, u);
        }
      }
    }
    for (String u : named) {
      watchers.computeIfAbsent(u, k -> new LinkedHashSet<>()).add(watcher);
    }
    if (next.isEmpty()) {
      watching.remove(watcher);
    } else {
      watching.put(watcher, next);
    }
    return new ArrayList<>(named);
  }

  /** The users on {@code watcher}'s watch list. */
  Set<String> watchList(String watcher) {
    return watching.getOrDefault(watcher, Set.of());
  }

  /** Drops {@code user}'s subscriptions (its session ended); others may still watch it. */
  void forget(String user) {
    everyone.remove(user);
    Set<String> list = watching.remove(user);
    if (list != null) {
      for (String u : list) {
        unwatch(user, u);
      }
    }
  }

  private void unwatch(String watcher, String user) {
    Set<String> set = watchers.get(user);
    if (set != null) {
      set.remove(watcher);
      if (set.isEmpty()) {
        watchers.remove(user);
      }
    }
  }

  /** Announces {@code user}'s current status (online or busy) to its subscribers. */
  void announce(String user) {
    directory.lookup(user).ifPresent(e -> send(e.user(), e.displayName(), e.status()));
  }

  /** Announces that {@code user} went offline. */
  void announceOffline(String user, String displayName) {
    send(user, displayName, PresenceStatus.OFFLINE);
  }

  /** The {@code presence} message with {@code user}'s current status (offline when absent). */
  Message current(String user) {
    return directory.lookup(user)
        .map(e -> message(e.user(), e.displayName(), e.status()))
        .orElseGet(() -> message(user, null, PresenceStatus.OFFLINE));
  }

  private void send(String user, String displayName, PresenceStatus status) {
    Set<String> subscribers = watchers.getOrDefault(user, Set.of());
    List<String> to = new ArrayList<>(everyone.size() + subscribers.size());
    for (String u : everyone) {
      if (!u.equals(user)) {
        to.add(u);
      }
    }
    for (String u : subscribers) {
      if (!everyone.contains(u)) {
        to.add(u);
      }
    }
    if (!to.isEmpty()) {
      router.deliverEach(to, message(user, displayName, status));
    }
  }

  private static Message message(String user, String displayName, PresenceStatus status) {
    Message.Builder b = Message.builder(MessageType.PRESENCE).put("user", user);
    if (displayName != null) {
      b.put("displayName", displayName);
    }
    return b.put("status", status.wireName()).build();
  }

  /**
   * Every logged-in user but {@code except}, as {@code peers} carries them, as many as fit in
   * {@code budgetBytes} of JSON and {@code maxUsers}; {@code truncated[0]} tells whether some
   * were left out.
   */
  JsonArray peers(String except, long budgetBytes, int maxUsers, boolean[] truncated) {
    return list(directory.online(), except, budgetBytes, maxUsers, truncated);
  }

  /** {@link #peers(String, long, int, boolean[])} without a cap on the number of users. */
  JsonArray peers(String except, long budgetBytes, boolean[] truncated) {
    return peers(except, budgetBytes, Integer.MAX_VALUE, truncated);
  }

  /** The logged-in users on {@code watcher}'s watch list, as {@code peers} carries them. */
  JsonArray watchedPeers(String watcher, long budgetBytes, boolean[] truncated) {
    List<UserDirectory.Entry> entries = new ArrayList<>();
    for (String u : watchList(watcher)) {
      directory.lookup(u).ifPresent(entries::add);
    }
    return list(entries, watcher, budgetBytes, Integer.MAX_VALUE, truncated);
  }

  private static JsonArray list(Iterable<UserDirectory.Entry> entries, String except,
      long budgetBytes, int maxUsers, boolean[] truncated) {
    JsonArray out = new JsonArray();
    long used = 2;
    truncated[0] = false;
    for (UserDirectory.Entry e : entries) {
      if (e.user().equals(except)) {
        continue;
      }
      if (out.size() >= maxUsers) {
        truncated[0] = true;
        break;
      }
      JsonObject o = new JsonObject();
      o.addProperty("user", e.user());
      if (e.displayName() != null) {
        o.addProperty("displayName", e.displayName());
      }
      o.addProperty("status", e.status().wireName());
      used += o.toString().getBytes(StandardCharsets.UTF_8).length + 1;
      if (used > budgetBytes) {
        truncated[0] = true;
        break;
      }
      out.add(o);
    }
    return out;
  }
}
