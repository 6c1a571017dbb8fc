package org.parley.app.ui.people;

/**
 * A peer's presence as the people list shows it. The wire names are those of {@code
 * org.parley.signalling.protocol.PresenceStatus} ({@code online}, {@code busy}, {@code
 * offline}), which the SDK passes through unchanged in {@code Peer.status()}; the UI keeps its
 * own copy so it depends on the SDK only. A status it does not know reads as {@link #OFFLINE},
 * so an unknown word never offers a call that cannot work.
 */
public enum Presence {
  /** Logged in and free. */
  ONLINE("online", "Available"),
  /** Logged in and in a call (calling is still allowed: the SDK reports busy). */
  BUSY("busy", "In a call"),
  /** Not logged in. */
  OFFLINE("offline", "Offline");

  private final String wireName;
  private final String word;

  Presence(String wireName, String word) {
    this.wireName = wireName;
    this.word = word;
  }

  /** The status as the SDK reports it. */
  public String wireName() {
    return wireName;
  }

  /** The word shown to the user. */
  public String word() {
    return word;
  }

  /** Whether a call button is enabled: everyone who is logged in, busy or not. */
  public boolean reachable() {
    return this != OFFLINE;
  }

  /** The presence for an SDK status string; null or unknown is {@link #OFFLINE}. */
  public static Presence of(String status) {
    for (Presence p : values()) {
      if (p.wireName.equals(status)) {
        return p;
      }
    }
    return OFFLINE;
  }
}
