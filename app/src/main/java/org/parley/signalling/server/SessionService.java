package org.parley.signalling.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.parley.signalling.auth.Authenticator;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.Protocol;
import org.parley.signalling.protocol.ProtocolException;

/**
 * Sessions: {@code login} (fresh, replacing, or {@code resume} within the grace),
 * {@code logout}, {@code peers}, a lost connection (detach, then the grace) and the grace's
 * end (offline: presence and the user's calls end). Confined to the server core thread.
 */
final class SessionService {
  private static final System.Logger LOG = System.getLogger(SessionService.class.getName());
  /** Room kept for everything of a reply but its lists. */
  static final int ENVELOPE_BYTES = 1024;
  /** At most this much of a {@code login-ok} carries missed calls. */
  static final int MISSED_CALLS_BYTES = 24 * 1024;

  private final LocalSessions sessions;
  private final CallService calls;
  private final Presence presence;
  private final MissedCallStore missed;
  private final Authenticator auth;
  private final Clock clock;
  private final long heartbeatMs;
  private final Duration grace;
  private final int maxPresenceAll;
  private final SecureRandom random = new SecureRandom();

  SessionService(LocalSessions sessions, CallService calls, Presence presence,
      MissedCallStore missed, Authenticator auth, Clock clock, long heartbeatMs,
      Duration grace, int maxPresenceAll) {
    this.sessions = sessions;
    this.calls = calls;
    this.presence = presence;
    this.missed = missed;
    this.auth = auth;
    this.clock = clock;
    this.heartbeatMs = heartbeatMs;
    this.grace = grace;
    this.maxPresenceAll = maxPresenceAll;
  }

  void login(Connection c, Message m) throws ProtocolException {
    if (c.session != null) {
      throw new ProtocolException(ErrorCode.ALREADY_LOGGED_IN, "already logged in as "
          + c.session.user(), m.id());
    }
    String user = m.string("user");
    String token = m.string("token");
    if (auth.requiresToken() && token == null) {
      throw new ProtocolException(ErrorCode.AUTH_FAILED, "field 'token' is required", m.id());
    }
    ErrorCode refused = auth.authenticate(user, token);
    if (refused != null) {
      throw new ProtocolException(refused, refused == ErrorCode.TOKEN_EXPIRED
          ? "the token has expired" : "the token does not admit " + user, m.id());
    }
    String displayName = m.string("displayName");
    String resume = m.string("resume");
    Session old = sessions.session(user);
    if (old != null && resume != null && resume.equals(old.id())) {
      resume(c, m, old, displayName);
      return;
    }
    if (old != null) {
      replace(old);
    }
    Session s = new Session(newSessionId(), user, displayName, null);
    sessions.add(s);
    s.attach(c);
    boolean capped = subscribe(user, m.string("presence"));
    c.send(loginOk(m, s, false, capped));
    presence.announce(user);
    LOG.log(System.Logger.Level.DEBUG, "{0} logged in from {1}", user, c.link.describe());
  }

  /**
   * Sets up the presence subscriptions of a fresh session: {@code all} (default) or {@code
   * watch} (an empty watch list). Above {@code maxPresenceAll} other users an {@code all} login
   * becomes a {@code watch} session (empty watch list) that gets a snapshot of the first {@code
   * maxPresenceAll} users; returns true then.
   */
  private boolean subscribe(String user, String mode) {
    if (Protocol.PRESENCE_WATCH.equals(mode)) {
      return false;
    }
    if (sessions.count() - 1 <= maxPresenceAll) {
      presence.subscribeAll(user);
      return false;
    }
    return true;
  }

  /** {@code watch}: updates the watch list, acks, then pushes each named user's status. */
  void watch(Connection c, Message m) throws ProtocolException {
    List<String> users = new ArrayList<>();
    JsonArray list = m.json("users").getAsJsonArray();
    list.forEach(e -> users.add(e.getAsString()));
    List<String> named;
    try {
      named = presence.watch(c.session.user(), users, m.bool("replace", false));
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, e.getMessage(), m.id());
    }
    if (m.id() != null) {
      c.send(Replies.ack(m.id()));
    }
    for (String u : named) {
      c.send(presence.current(u));
    }
  }

  private void resume(Connection c, Message m, Session s, String displayName) {
    Connection previous = s.connection();
    if (previous != null) {
      kick(previous);
    }
    List<String> queued = s.attach(c);
    boolean renamed = displayName != null && !displayName.equals(s.displayName());
    if (displayName != null) {
      s.displayName(displayName);
    }
    c.send(loginOk(m, s, true, false));
    for (String q : queued) {
      c.sendText(q);
    }
    if (renamed) {
      presence.announce(s.user());
    }
    LOG.log(System.Logger.Level.INFO, "{0} resumed from {1} ({2} queued, {3} dropped)",
        s.user(), c.link.describe(), queued.size(), s.droppedPushes());
  }

  /** A new login of the same user without resume: the old connection is kicked, calls end. */
  private void replace(Session old) {
    Connection previous = old.connection();
    old.detach(clock.instant());
    if (previous != null) {
      kickConnection(previous);
    }
    sessions.remove(old);
    presence.forget(old.user());
    calls.userGone(old.user(), old.user() + " logged in elsewhere");
  }

  private void kick(Connection previous) {
    if (previous.session != null) {
      previous.session.detach(clock.instant());
    }
    kickConnection(previous);
  }

  private static void kickConnection(Connection previous) {
    previous.send(Message.builder(MessageType.KICKED)
        .put("reason", Protocol.KICK_LOGGED_IN_ELSEWHERE).build());
    previous.close(Protocol.CLOSE_KICKED, "logged in elsewhere");
  }

  void logout(Connection c, Message m) {
    Session s = c.session;
    c.send(Message.builder(MessageType.LOGGED_OUT).re(m.id()).build());
    s.detach(clock.instant());
    end(s, s.user() + " logged out");
    c.close(Protocol.CLOSE_NORMAL, "logged out");
  }

  void peers(Connection c, Message m) {
    boolean[] truncated = new boolean[1];
    JsonArray peers = peerList(c.session.user(), Protocol.MAX_MESSAGE_BYTES - ENVELOPE_BYTES,
        truncated);
    Message.Builder b = Message.builder(MessageType.PEERS).re(m.id()).put("peers", peers);
    if (truncated[0]) {
      b.put("peersTruncated", true);
    }
    c.send(b.build());
  }

  /** {@code c} was closed or went silent: its session waits for a resume. */
  void connectionLost(Connection c) {
    Session s = c.session;
    if (s != null) {
      s.detach(clock.instant());
      if (grace.isZero()) {
        end(s, s.user() + "'s connection was lost");
      }
    }
  }

  /** Ends the sessions whose grace is over at {@code now}. */
  void sweep(Instant now) {
    for (Session s : sessions.sessions()) {
      Instant lost = s.detachedAt();
      if (lost != null && !now.isBefore(lost.plus(grace))) {
        end(s, s.user() + "'s connection was lost");
      }
    }
  }

  private void end(Session s, String description) {
    sessions.remove(s);
    presence.forget(s.user());
    calls.userGone(s.user(), description);
    presence.announceOffline(s.user(), s.displayName());
    LOG.log(System.Logger.Level.DEBUG, "{0} is offline ({1})", s.user(), description);
  }

  /** {@code peers} for {@code user}: everyone in {@code all} mode, else its watched users. */
  private JsonArray peerList(String user, long budgetBytes, boolean[] truncated) {
    return presence.isSubscribedToAll(user)
        ? presence.peers(user, budgetBytes, truncated)
        : presence.watchedPeers(user, budgetBytes, truncated);
  }

  /**
   * The {@code login-ok} for {@code s}, kept within the 64 KiB message limit: missed calls take
   * up to {@link #MISSED_CALLS_BYTES} (the rest stay stored for the next login), peers the
   * remainder ({@code peersTruncated} when some were left out).
   */
  private Message loginOk(Message login, Session s, boolean resumed, boolean capped) {
    JsonArray missedCalls = new JsonArray();
    long used = 2;
    boolean full = false;
    for (MissedCallStore.MissedCall mc : missed.take(s.user(), clock.instant())) {
      JsonObject o = new JsonObject();
      o.addProperty("callId", mc.callId());
      o.addProperty("from", mc.from());
      o.addProperty("video", mc.video());
      if (mc.extraParam() != null) {
        o.addProperty("extraParam", mc.extraParam());
      }
      o.addProperty("at", mc.at().toEpochMilli());
      long size = o.toString().getBytes(StandardCharsets.UTF_8).length + 1;
      if (full || used + size > MISSED_CALLS_BYTES) {
        full = true;
        missed.add(s.user(), mc);
        continue;
      }
      used += size;
      missedCalls.add(o);
    }
    boolean[] truncated = new boolean[1];
    long budget = Protocol.MAX_MESSAGE_BYTES - ENVELOPE_BYTES - used;
    JsonArray peers = capped ? presence.peers(s.user(), budget, maxPresenceAll, truncated)
        : peerList(s.user(), budget, truncated);
    Message.Builder b = Message.builder(MessageType.LOGIN_OK).re(login.id())
        .put("user", s.user())
        .put("sessionId", s.id())
        .put("resumed", resumed)
        .put("heartbeatMs", heartbeatMs)
        .put("peers", peers)
        .put("missedCalls", missedCalls);
    if (truncated[0] || capped) {
      b.put("peersTruncated", true);
    }
    return b.build();
  }

  private String newSessionId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
