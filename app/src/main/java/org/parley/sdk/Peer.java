package org.parley.sdk;

/**
 * Another user as presence reports them.
 *
 * @param user the user id (what {@code CallManager.call} takes)
 * @param displayName their display name, or the user id when they gave none
 * @param status {@code online}, {@code busy} (in a call) or {@code offline}
 */
public record Peer(String user, String displayName, String status) {}
