package org.parley.signalling.server;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.PresenceStatus;

/**
 * The in-memory session registry of one server node: user id and session id to
 * {@link Session}, with the {@link UserDirectory} and {@link MessageRouter} views built on
 * it. Busy status comes from the supplied predicate (the call registry). Confined to the
 * server core thread.
 */
final class LocalSessions implements UserDirectory, MessageRouter {
  private static final MessageCodec CODEC = new MessageCodec();
  private final Map<String, Session> byUser = new LinkedHashMap<>();
  private final Predicate<String> busy;

  LocalSessions(Predicate<String> busy) {
    this.busy = busy;
  }

  Session session(String user) {
    return byUser.get(user);
  }

  void add(Session s) {
    byUser.put(s.user(), s);
  }

  void remove(Session s) {
    byUser.remove(s.user(), s);
  }

  /** A snapshot of every session. */
  List<Session> sessions() {
    return new ArrayList<>(byUser.values());
  }


  @Override
  public Optional<Entry> lookup(String user) {
    Session s = byUser.get(user);
    return s == null ? Optional.empty() : Optional.of(entry(s));
  }

  /** A live view (not a copy): entries are made as the iteration reaches them. */
  @Override
  public Collection<Entry> online() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<Entry> iterator() {
        Iterator<Session> it = byUser.values().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Entry next() {
            return entry(it.next());
          }
        };
      }

      @Override
      public int size() {
        return byUser.size();
      }
    };
  }

  @Override
  public int count() {
    return byUser.size();
  }

  @Override
  public void deliverEach(Collection<String> users, Message message) {
    String text = null;
    for (String u : users) {
      Session s = byUser.get(u);
      if (s != null) {
        if (text == null) {
          text = CODEC.encode(message);
        }
        s.pushText(text);
      }
    }
  }

  @Override
  public boolean deliver(String user, Message message) {
    Session s = byUser.get(user);
    if (s == null) {
      return false;
    }
    s.push(message);
    return true;
  }

  private Entry entry(Session s) {
    return new Entry(s.user(), s.displayName(),
        busy.test(s.user()) ? PresenceStatus.BUSY : PresenceStatus.ONLINE);
  }
}
