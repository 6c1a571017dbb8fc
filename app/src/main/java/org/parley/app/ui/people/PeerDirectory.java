package org.parley.app.ui.people;

import java.text.CollationKey;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.parley.sdk.Peer;

/**
 * The people list without the pixels: which peers are shown, in what order, and which match a
 * search. The own user is never kept. The echo-test user ({@link #ECHO_USER}) is pinned first
 * and shown as {@link #ECHO_NAME}; the others follow, those logged in (available or in a call)
 * before those offline, each group by display name (locale collation, case-insensitive), ties
 * by user id. Available and in-a-call share a group so a peer entering a call does not jump.
 * Not thread-safe: the panel uses it on the Swing event thread only.
 */
public final class PeerDirectory {
  /** The user id of the echo-test bot that the embedded server provides. */
  public static final String ECHO_USER = "echo";
  /** The name the echo-test bot is shown under. */
  public static final String ECHO_NAME = "Echo test";

  /** One shown person: the peer as last reported and its derived presence. */
  public record Entry(String user, String displayName, Presence presence, boolean echo) {}

  private final String ownUserId;
  private final Collator collator = Collator.getInstance();
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, CollationKey> keys = new HashMap<>();
  private final Map<String, String> searchText = new HashMap<>();
  private List<Entry> ordered;

  /** A directory that hides {@code ownUserId} (null hides no one). */
  public PeerDirectory(String ownUserId) {
    this.ownUserId = ownUserId;
    collator.setStrength(Collator.SECONDARY);
  }

  /**
   * Replaces everyone with {@code peers} (the SDK's full list). Returns whether anything shown
   * changed.
   */
  public boolean replaceAll(List<Peer> peers) {
    Map<String, Entry> next = new HashMap<>();
    for (Peer p : peers) {
      Entry e = toEntry(p);
      if (e != null) {
        next.put(e.user(), e);
      }
    }
    if (next.equals(entries)) {
      return false;
    }
    entries.clear();
    entries.putAll(next);
    keys.keySet().retainAll(entries.keySet());
    searchText.keySet().retainAll(entries.keySet());
    ordered = null;
    return true;
  }

  /** Adds or updates one peer. Returns whether anything shown changed. */
  public boolean update(Peer peer) {
    Entry e = toEntry(peer);
    if (e == null || e.equals(entries.get(e.user()))) {
      return false;
    }
    Entry old = entries.put(e.user(), e);
    if (old != null && !old.displayName().equals(e.displayName())) {
      keys.remove(e.user());
      searchText.remove(e.user());
    }
    ordered = null;
    return true;
  }

  /** The entry for {@code user}, or null. */
  public Entry get(String user) {
    return entries.get(user);
  }

  /** Everyone shown, echo first, then in list order. */
  public List<Entry> ordered() {
    if (ordered == null) {
      List<Entry> list = new ArrayList<>(entries.values());
      list.sort(Comparator.comparingInt(PeerDirectory::rank)
          .thenComparing(e -> key(e))
          .thenComparing(Entry::user));
      ordered = List.copyOf(list);
    }
    return ordered;
  }

  /** Whether anyone other than the echo bot is known (online or not). */
  public boolean hasOthers() {
    for (Entry e : entries.values()) {
      if (!e.echo()) {
        return true;
      }
    }
    return false;
  }

  /** The people matching {@code query} (name or id contains it, case and accents ignored). */
  public List<Entry> matching(String query) {
    String q = fold(query.strip());
    List<Entry> out = new ArrayList<>();
    if (q.isEmpty()) {
      return ordered();
    }
    for (Entry e : ordered()) {
      String text = searchText.computeIfAbsent(e.user(), u -> fold(e.displayName()) + '\n' + fold(u));
      if (text.contains(q)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Lower case without accents, for searching ("Émile" matches "emi"). */
  static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private Entry toEntry(Peer p) {
    if (p == null || p.user() == null || p.user().isEmpty() || p.user().equals(ownUserId)) {
      return null;
    }
    boolean echo = ECHO_USER.equals(p.user());
    String name = echo ? ECHO_NAME
        : (p.displayName() == null || p.displayName().isBlank() ? p.user() : p.displayName().strip());
    return new Entry(p.user(), name, Presence.of(p.status()), echo);
  }

  private static int rank(Entry e) {
    if (e.echo()) {
      return 0;
    }
    return e.presence().reachable() ? 1 : 2;
  }

  private CollationKey key(Entry e) {
    return keys.computeIfAbsent(e.user(), u -> collator.getCollationKey(e.displayName()));
  }

  @Override
  public String toString() {
    return "PeerDirectory{" + entries.size() + " peers, own=" + Objects.toString(ownUserId) + '}';
  }
}
