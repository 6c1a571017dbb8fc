package org.parley.signalling.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.parley.signalling.auth.Authenticator;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.Protocol;
import org.parley.signalling.protocol.ProtocolException;

/**
 * The server's brain, independent of the transport: takes link events (open, text, binary,
 * closed) and timer sweeps, applies the rate limit, abuse policy and codec, and dispatches
 * valid messages to the {@link SessionService} and {@link CallService}. Not thread-safe: the
 * caller runs every method on one thread (see {@link SignallingServer}).
 */
final class SignallingCore {
  private static final System.Logger LOG = System.getLogger(SignallingCore.class.getName());
  static final int CLOSE_HEARTBEAT = Protocol.CLOSE_HEARTBEAT_TIMEOUT;
  static final int CLOSE_SERVER_FULL = Protocol.CLOSE_SERVER_FULL;
  /** A connection must log in this soon after opening (it holds a client slot). */
  static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);

  private final ServerConfig config;
  private final Clock clock;
  private final MessageCodec codec = new MessageCodec();
  private final Set<Connection> connections = new LinkedHashSet<>();
  private final CallRegistry callRegistry = new CallRegistry();
  private final LocalSessions sessions = new LocalSessions(callRegistry::isTalking);
  private final MissedCallStore missed =
      new MissedCallStore(100, Duration.ofDays(7), 100_000);
  private final CallService calls;
  private final SessionService sessionService;

  SignallingCore(ServerConfig config, Authenticator auth) {
    this.config = config;
    this.clock = config.clock();
    Presence presence = new Presence(sessions, sessions);
    this.calls = new CallService(callRegistry, sessions, sessions, presence, missed, clock,
        config.ringTimeout());
    this.sessionService = new SessionService(sessions, calls, presence, missed, auth, clock,
        config.heartbeatMs(), config.reconnectGrace(), config.maxPresenceAll());
  }

  /** A new link; returns its connection, or null when the server is full (the link is closed). */
  Connection opened(ClientLink link) {
    if (connections.size() >= config.maxClients()) {
      link.send(codec.encode(Replies.error(null, ErrorCode.SERVER_FULL,
          "the server has " + config.maxClients() + " clients")));
      link.close(CLOSE_SERVER_FULL, "server full");
      return null;
    }
    Connection c = new Connection(link, config, clock.instant());
    connections.add(c);
    return c;
  }

  /** A text frame from {@code c}. */
  void text(Connection c, String text) {
    if (c == null || c.isClosed()) {
      return;
    }
    Instant now = clock.instant();
    c.lastHeard = now;
    if (c.abuse.recordMessage(now)) {
      c.send(Replies.error(null, ErrorCode.RATE_LIMITED,
          "closing: sustained traffic over " + AbusePolicy.TRAFFIC_FACTOR + "x the rate limit"));
      closeAbusive(c, "too much traffic");
      return;
    }
    if (!c.bucket.tryTake(now)) {
      c.send(Replies.error(null, ErrorCode.RATE_LIMITED, "rate limit exceeded; message dropped"));
      return;
    }
    Message m;
    try {
      m = codec.decode(text);
    } catch (ProtocolException e) {
      answerError(c, e);
      return;
    }
    try {
      dispatch(c, m);
    } catch (ProtocolException e) {
      answerError(c, e);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "failed on " + m + " from " + c, e);
      answerError(c, new ProtocolException(ErrorCode.INTERNAL, "internal error", m.id()));
    }
  }

  /** A binary frame from {@code c}: the protocol is text only. */
  void binary(Connection c) {
    if (c == null || c.isClosed()) {
      return;
    }
    c.lastHeard = clock.instant();
    answerError(c, new ProtocolException(ErrorCode.BAD_MESSAGE,
        "binary frames are not supported; send JSON text"));
  }

  /** The link of {@code c} closed (by either side). */
  void closed(Connection c) {
    if (c == null || !connections.remove(c)) {
      return;
    }
    c.markClosed();
    sessionService.connectionLost(c);
  }

  /** Closes silent connections, ends expired sessions and unanswered calls, at the clock's now. */
  void sweep() {
    Instant now = clock.instant();
    Duration silence = Duration.ofMillis(3 * config.heartbeatMs());
    for (Connection c : new ArrayList<>(connections)) {
      if (c.session == null && !now.isBefore(c.openedAt.plus(LOGIN_TIMEOUT))) {
        c.send(Replies.error(null, ErrorCode.NOT_LOGGED_IN,
            "no login within " + LOGIN_TIMEOUT.toSeconds() + " s"));
        closeAbusive(c, "no login");
        continue;
      }
      if (!now.isBefore(c.lastHeard.plus(silence))) {
        LOG.log(System.Logger.Level.INFO, "{0} silent for {1} ms; closing", c,
            silence.toMillis());
        connections.remove(c);
        c.close(CLOSE_HEARTBEAT, "heartbeat timeout");
        sessionService.connectionLost(c);
      }
    }
    sessionService.sweep(now);
    calls.sweep(now);
    missed.prune(now);
  }

  /** Closes every connection (server shutdown). */
  void shutdown() {
    for (Connection c : new ArrayList<>(connections)) {
      c.close(Protocol.CLOSE_GOING_AWAY, "server shutting down");
    }
    connections.clear();
  }

  int connectionCount() {
    return connections.size();
  }

  private void dispatch(Connection c, Message m) throws ProtocolException {
    MessageType type = m.type();
    if (type == MessageType.PING) {
      c.send(Message.builder(MessageType.PONG).re(m.id()).build());
      return;
    }
    if (type == MessageType.LOGIN) {
      sessionService.login(c, m);
      return;
    }
    if (isServerOnly(type)) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE,
          "'" + type.wireName() + "' is sent by the server only", m.id());
    }
    if (c.session == null) {
      throw new ProtocolException(ErrorCode.NOT_LOGGED_IN, "log in first", m.id());
    }
    switch (type) {
      case LOGOUT:
        sessionService.logout(c, m);
        break;
      case PEERS:
        sessionService.peers(c, m);
        break;
      case WATCH:
        sessionService.watch(c, m);
        break;
      default:
        calls.handle(c, c.session.user(), m);
    }
  }

  private static boolean isServerOnly(MessageType type) {
    return type != MessageType.LOGOUT && type != MessageType.PEERS
        && type != MessageType.WATCH && !type.isCallRequest();
  }

  private void answerError(Connection c, ProtocolException e) {
    c.send(Replies.error(e.requestId(), e.code(), e.getMessage()));
    if (c.abuse.recordError(clock.instant())) {
      closeAbusive(c, "too many errors");
    }
  }

  private void closeAbusive(Connection c, String reason) {
    LOG.log(System.Logger.Level.WARNING, "closing abusive connection {0}: {1}", c, reason);
    connections.remove(c);
    c.close(Protocol.CLOSE_POLICY, reason);
    sessionService.connectionLost(c);
  }
}
