package org.parley.app.ui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.Peer;

/**
 * Display names of the other users, learnt from the peer list and presence pushes: {@link
 * #apply} gives the name for a user id, or the id itself when no name is known. Subscribe it to
 * {@link UiEvents#addClientListener}. Names once heard are kept (a user who went offline keeps
 * the name for the history). Thread-safe.
 */
public final class PeerNames implements ParleyClient.Listener, Function<String, String> {
  private final Map<String, String> names = new ConcurrentHashMap<>();

  @Override
  public void onPeersChanged(List<Peer> peers) {
    peers.forEach(this::onPresence);
  }

  @Override
  public void onPresence(Peer peer) {
    String name = peer.displayName();
    if (name != null && !name.isBlank()) {
      names.put(peer.user(), name);
    }
  }

  /** The display name of {@code userId}, or {@code userId} when none is known. */
  @Override
  public String apply(String userId) {
    return userId == null ? "" : names.getOrDefault(userId, userId);
  }
}
