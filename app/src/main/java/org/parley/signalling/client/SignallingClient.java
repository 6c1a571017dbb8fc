package org.parley.signalling.client;

import com.google.gson.JsonArray;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageCodec;
import org.parley.signalling.protocol.MessageType;
import org.parley.signalling.protocol.ProtocolException;
import org.parley.signalling.protocol.Protocol;
import org.parley.signalling.protocol.UserIds;

/**
 * The client side of the Parley signalling protocol ({@code docs/signalling-protocol.md}): one
 * WebSocket to the server, login, heartbeats, requests matched to their replies, server pushes
 * handed to a {@link Listener}, and reconnection with backoff that resumes the session (so a call
 * survives an outage shorter than the server's grace).
 *
 * <p>Threading: every state change, timer and listener callback runs on the client's own single
 * thread (its {@link Scheduler}), in order, never concurrently; listeners must not block it. The
 * public methods may be called from any thread; they hand their work to that thread. Futures from
 * {@link #request} complete on it too, so dependent stages must not block either.
 *
 * <p>Lifecycle: {@link #connect()} → {@link ConnectionState#CONNECTING} → {@code CONNECTED};
 * a drop or a silent server → {@code RECONNECTING} → {@code RECONNECTED} (or {@code
 * RECONNECT_FAILED} after the give-up time); {@code kicked} → {@code KICKED_OUT}; {@link
 * #logout()} / {@link #close()} → {@code LOGGED_OUT}. A refused login (bad token, invalid user)
 * ends in {@code LOGGED_OUT} with the server's code in the reason. The caller must {@link
 * #close()} the client to stop its thread and connection.
 */
public final class SignallingClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SignallingClient.class.getName());
  private static final long CLOSE_WAIT_MS = 5_000;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** Upward events; called on the client's thread, one at a time, in order. */
  public interface Listener {
    /**
     * The connection state changed; {@code reason} is a short human-readable cause. After
     * {@link ConnectionState#RECONNECTED} the {@code login-ok} handed to {@link #onMessage} says
     * in {@code resumed} whether the session and its calls survived; when it is false the
     * server has already ended them (the grace ran out or the server restarted).
     */
    void onConnectionStateChanged(ConnectionState state, String reason);

    /**
     * A server push: {@code login-ok} (with {@code missedCalls} and {@code resumed}), {@code
     * invite}, {@code ringing}, {@code accept}, {@code reject}, {@code cancel}, {@code hangup},
     * {@code media-update}, {@code message}, {@code call-ended}, {@code presence}, {@code peers},
     * {@code kicked}, and {@code error}s that answer no request. Replies to {@link #request}
     * go to its future instead.
     */
    void onMessage(Message message);
  }

  private final SignallingClientConfig config;
  private final Listener listener;
  private final Scheduler scheduler;
  private final ExecutorScheduler ownScheduler;
  private final Transport transport;
  private final Clock clock;
  private final MessageCodec codec = new MessageCodec();
  private final PeerList peers = new PeerList();
  private final AtomicLong nextId = new AtomicLong();
  private final LiveConnections live = new LiveConnections();
  private final ReconnectPolicy reconnect;

  private volatile ConnectionState state = ConnectionState.LOGGED_OUT;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicBoolean closing =
      new java.util.concurrent.atomic.AtomicBoolean();

  // Confined to the client's thread from here on.
  private boolean started;
  private Transport.Connection connection;
  private int generation;
  private String loginId;
  private boolean everLoggedIn;
  private String sessionId;
  private long heartbeatMs;
  private long lastHeardAt;
  private Scheduler.Cancellable heartbeatTask;
  private Scheduler.Cancellable reconnectTask;
  private Scheduler.Cancellable loginTimeoutTask;
  private final Outbox outbox;
  private final Set<String> watched = new LinkedHashSet<>();

  /** A client for {@code config}; nothing happens until {@link #connect()}. */
  public SignallingClient(SignallingClientConfig config, Listener listener) {
    this.config = config;
    this.listener = listener;
    this.clock = config.clock();
    if (config.scheduler() != null) {
      this.scheduler = config.scheduler();
      this.ownScheduler = null;
    } else {
      this.ownScheduler =
          new ExecutorScheduler(
              "parley-sigclient-" + config.user() + "-" + INSTANCES.incrementAndGet());
      this.scheduler = ownScheduler;
    }
    this.transport =
        config.transport() != null
            ? config.transport()
            : new WebSocketTransport(config.connectTimeoutMs());
    this.heartbeatMs = config.heartbeatMs();
    this.outbox = new Outbox(config.sendQueueLimit());
    this.reconnect = new ReconnectPolicy(config);
  }

  /** Connects and logs in, asynchronously; a client already connecting or connected ignores it. */
  public void connect() {
    scheduler.execute(this::doConnect);
  }

  /**
   * Sends {@code m} with a fresh {@code id} and completes with the reply ({@code ack}, {@code
   * peers}, {@code pong}, ...), or exceptionally with a {@link SignallingException}: the server's
   * {@code error}, a timeout, a drop after sending, or a closed client. While reconnecting the
   * request waits in the send queue (its timeout runs meanwhile).
   */
  public CompletableFuture<Message> request(Message m) {
    CompletableFuture<Message> future = new CompletableFuture<>();
    if (closed) {
      future.completeExceptionally(
          new SignallingException(SignallingException.Failure.CLOSED, "client closed"));
      return future;
    }
    scheduler.execute(() -> doRequest(m, future));
    return future;
  }

  /**
   * Sends {@code m} without waiting for a reply. While not logged in (connecting, reconnecting)
   * it waits in a bounded queue and goes out after login; when the queue is full or the client
   * has stopped, it is dropped (and logged).
   */
  public void send(Message m) {
    scheduler.execute(() -> doSend(new Outbox.Outgoing(m, null)));
  }

  /**
   * Asks for the presence of {@code users} (added to the watch list; see {@link PresenceMode}):
   * the server acknowledges, then pushes one {@code presence} per user with its current status
   * and later each change, to {@link Listener#onMessage} and {@link #lastPeers()}. The list is
   * sent again after a login that did not resume the session. More than 256 users go out in
   * several messages; the future completes with the last {@code ack}, or exceptionally like
   * {@link #request} (e.g. {@code BAD_MESSAGE} beyond the server's 1024 watched users).
   *
   * @throws IllegalArgumentException when a user id is not valid (nothing is sent)
   */
  public CompletableFuture<Message> watch(Collection<String> users) {
    List<String> list = new ArrayList<>(users);
    for (String u : list) {
      if (!UserIds.isValid(u)) {
        throw new IllegalArgumentException("not a valid user id: " + u);
      }
    }
    scheduler.execute(() -> watched.addAll(list));
    CompletableFuture<Message> last = CompletableFuture.completedFuture(null);
    List<CompletableFuture<Message>> all = new ArrayList<>();
    for (Message m : watchMessages(list, false)) {
      last = request(m);
      all.add(last);
    }
    CompletableFuture<Message> result = last;
    return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
        .thenCompose(x -> result);
  }

  /** {@code watch} messages for {@code users}, at most 256 each. */
  private static List<Message> watchMessages(List<String> users, boolean replace) {
    List<Message> out = new ArrayList<>();
    int chunk = Protocol.MAX_WATCH_USERS_PER_MESSAGE;
    for (int i = 0; i < users.size() || i == 0; i += chunk) {
      JsonArray a = new JsonArray();
      for (String u : users.subList(i, Math.min(users.size(), i + chunk))) {
        a.add(u);
      }
      out.add(Message.builder(MessageType.WATCH).put("users", a)
          .put("replace", replace && i == 0).build());
    }
    return out;
  }

  /** The current state; before {@link #connect()} it is {@link ConnectionState#LOGGED_OUT}. */
  public ConnectionState state() {
    return state;
  }

  /** The user this client logs in as. */
  public String user() {
    return config.user();
  }

  /** The other users last heard of, as {@code presence} messages (user, displayName, status). */
  public List<Message> lastPeers() {
    return peers.snapshot();
  }

  /** Logs out: sends {@code logout}, closes the connection, state LOGGED_OUT, no reconnect. */
  public void logout() {
    scheduler.execute(() -> finish(ConnectionState.LOGGED_OUT, "logout", true));
  }

  /**
   * Logs out if logged in, closes the connection and stops the client's thread. Waits (up to a
   * few seconds) for the connection to close unless called from the client's own thread; with a
   * scheduler supplied in the config the closing runs there and this returns at once.
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    CountDownLatch done = new CountDownLatch(1);
    scheduler.execute(
        () -> {
          try {
            finish(ConnectionState.LOGGED_OUT, "closed", true);
          } finally {
            done.countDown();
          }
        });
    boolean onOwnThread = ownScheduler != null && ownScheduler.inSchedulerThread();
    if (ownScheduler != null && !onOwnThread) {
      await(done);
      awaitConnectionsClosed();
      ownScheduler.close();
    } else if (ownScheduler != null) {
      ownScheduler.close(0);
    }
  }

  // ---- on the client's thread ----

  private void doConnect() {
    if (closed || (started && !state.isFinal())) {
      return;
    }
    started = true;
    everLoggedIn = false;
    sessionId = null;
    reconnect.startFailing(clock.millis());
    setState(ConnectionState.CONNECTING, "connect");
    openConnection();
  }

  private void openConnection() {
    int gen = ++generation;
    loginId = null;
    live.opened();
    Transport.Listener events =
        new Transport.Listener() {
          private boolean closedSeen;

          @Override
          public void onOpen() {
            scheduler.execute(() -> onTransportOpen(gen));
          }

          @Override
          public void onText(String text) {
            scheduler.execute(() -> onTransportText(gen, text));
          }

          @Override
          public void onClosed(int code, String reason) {
            synchronized (this) {
              if (closedSeen) {
                return;
              }
              closedSeen = true;
            }
            live.closed();
            scheduler.execute(() -> onTransportClosed(gen, code, reason));
          }
        };
    loginTimeoutTask =
        scheduler.schedule(
            () -> onLoginTimeout(gen), config.connectTimeoutMs() + config.requestTimeoutMs());
    connection = transport.open(config.uri(), config.sslContext(), events);
  }

  private void onTransportOpen(int gen) {
    if (gen != generation || connection == null) {
      return;
    }
    lastHeardAt = clock.millis();
    loginId = newId();
    Message.Builder login = Message.builder(MessageType.LOGIN).id(loginId).put("user", user());
    if (config.token() != null) {
      login.put("token", config.token());
    }
    if (config.displayName() != null) {
      login.put("displayName", config.displayName());
    }
    if (sessionId != null) {
      login.put("resume", sessionId);
    }
    if (config.presenceMode() != PresenceMode.ALL) {
      login.put("presence", config.presenceMode().wireName());
    }
    connection.send(codec.encode(login.build()));
  }

  private void onTransportText(int gen, String text) {
    if (gen != generation || connection == null) {
      return;
    }
    lastHeardAt = clock.millis();
    Message m;
    try {
      m = codec.decode(text);
    } catch (ProtocolException e) {
      LOG.log(System.Logger.Level.WARNING, "bad message from server dropped: {0} {1}",
          e.code(), e.getMessage());
      return;
    }
    dispatch(m);
  }

  private void dispatch(Message m) {
    String re = m.re();
    if (re != null && re.equals(loginId)) {
      loginId = null;
      if (m.type() == MessageType.LOGIN_OK) {
        onLoggedIn(m);
      } else if (m.type() == MessageType.ERROR) {
        onLoginRefused(m);
      }
      return;
    }
    if (m.type() == MessageType.PEERS) {
      peers.replace(m.json("peers"));
    }
    if (outbox.complete(m)) {
      return;
    }
    switch (m.type()) {
      case PONG:
      case ACK:
      case LOGGED_OUT:
        return; // heartbeat replies and replies to fire-and-forget sends
      case PRESENCE:
        peers.apply(m);
        break;
      case KICKED:
        deliver(m);
        finish(ConnectionState.KICKED_OUT, String.valueOf(m.string("reason")), false);
        return;
      case ERROR:
        LOG.log(System.Logger.Level.DEBUG, "server error: {0}", m);
        break;
      default:
        break;
    }
    deliver(m);
  }

  private void onLoggedIn(Message ok) {
    cancel(loginTimeoutTask);
    loginTimeoutTask = null;
    sessionId = ok.string("sessionId");
    heartbeatMs = ok.longValue("heartbeatMs", config.heartbeatMs());
    peers.replace(ok.json("peers"));
    boolean again = everLoggedIn;
    everLoggedIn = true;
    if (again) {
      setState(
          ConnectionState.RECONNECTED,
          ok.bool("resumed", false) ? "session resumed" : "new session");
    } else {
      setState(ConnectionState.CONNECTED, "logged in");
    }
    if (!ok.bool("resumed", false) && !watched.isEmpty()) {
      // A new session has no watch list: send ours again before anything queued.
      for (Message m : watchMessages(new ArrayList<>(watched), true)) {
        transmit(new Outbox.Outgoing(m, null));
      }
    }
    deliver(ok);
    scheduleHeartbeat();
    flushQueue();
  }

  private void onLoginRefused(Message error) {
    String code = String.valueOf(error.string("code"));
    String reason = "login refused: " + code + " " + error.string("message");
    deliver(error);
    switch (code) {
      case "AUTH_FAILED":
      case "TOKEN_EXPIRED":
      case "INVALID_USER":
      case "BAD_MESSAGE":
      case "BAD_VERSION":
        finish(ConnectionState.LOGGED_OUT, reason, false);
        break;
      default: // SERVER_FULL, RATE_LIMITED, INTERNAL...: worth another try
        dropConnection(reason);
        break;
    }
  }

  private void onLoginTimeout(int gen) {
    if (gen == generation && connection != null && !state.isLoggedIn() && !state.isFinal()) {
      dropConnection("no login-ok in time");
    }
  }

  private void onTransportClosed(int gen, int code, String reason) {
    if (gen != generation) {
      return;
    }
    connection = null;
    if (state.isFinal()) {
      return;
    }
    String why = "connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " "
        + reason) + ")";
    if (code == Protocol.CLOSE_KICKED) {
      finish(ConnectionState.KICKED_OUT, why, false);
      return;
    }
    connectionLost(why);
  }

  /** Closes the current connection ourselves and goes on as if it had dropped. */
  private void dropConnection(String why) {
    Transport.Connection c = connection;
    generation++; // ignore whatever the old connection still reports
    connection = null;
    if (c != null) {
      c.close();
    }
    connectionLost(why);
  }

  private void connectionLost(String why) {
    cancel(heartbeatTask);
    heartbeatTask = null;
    cancel(loginTimeoutTask);
    loginTimeoutTask = null;
    outbox.failSent(SignallingException.Failure.DISCONNECTED, why);
    if (state.isLoggedIn()) {
      reconnect.startFailing(clock.millis());
      setState(ConnectionState.RECONNECTING, why);
    }
    scheduleReconnect(why);
  }

  private void scheduleReconnect(String why) {
    long now = clock.millis();
    long delay = reconnect.nextDelayMs(now);
    if (delay < 0) {
      finish(ConnectionState.RECONNECT_FAILED,
          "gave up after " + reconnect.failingFor(now) + " ms: " + why, false);
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, "{0}: retry in {1} ms ({2})", user(), delay, why);
    cancel(reconnectTask);
    reconnectTask =
        scheduler.schedule(
            () -> {
              reconnectTask = null;
              if (!state.isFinal() && !state.isLoggedIn() && connection == null) {
                openConnection();
              }
            },
            delay);
  }

  private void scheduleHeartbeat() {
    cancel(heartbeatTask);
    int gen = generation;
    heartbeatTask = scheduler.schedule(() -> onHeartbeat(gen), heartbeatMs);
  }

  private void onHeartbeat(int gen) {
    heartbeatTask = null;
    if (gen != generation || connection == null || !state.isLoggedIn()) {
      return;
    }
    long silent = clock.millis() - lastHeardAt;
    if (silent >= config.silentHeartbeats() * heartbeatMs) {
      dropConnection("server silent for " + silent + " ms");
      return;
    }
    connection.send(codec.encode(Message.builder(MessageType.PING).id(newId()).build()));
    scheduleHeartbeat();
  }

  private void doRequest(Message m, CompletableFuture<Message> future) {
    Outbox.Outgoing out = new Outbox.Outgoing(m.withId(newId()), future);
    out.timeout =
        scheduler.schedule(
            () -> outbox.timedOut(out, new SignallingException(
                SignallingException.Failure.TIMEOUT,
                "no reply to " + m.type().wireName() + " within " + config.requestTimeoutMs()
                    + " ms")),
            config.requestTimeoutMs());
    doSend(out);
  }

  private void doSend(Outbox.Outgoing out) {
    if (state.isFinal() && started || closed) {
      Outbox.fail(out, SignallingException.Failure.CLOSED, "client is " + state);
    } else if (state.isLoggedIn() && connection != null) {
      transmit(out);
    } else if (!outbox.hold(out)) {
      Outbox.fail(out, SignallingException.Failure.CLOSED, "send queue full");
    }
  }

  private void transmit(Outbox.Outgoing out) {
    outbox.sent(out);
    connection.send(codec.encode(out.message));
  }

  private void flushQueue() {
    Outbox.Outgoing out;
    while (state.isLoggedIn() && connection != null && (out = outbox.nextHeld()) != null) {
      transmit(out);
    }
  }

  /** Enters a final state: tells the server when asked, closes the connection, fails waiters. */
  private void finish(ConnectionState end, String reason, boolean sayLogout) {
    if (started && state.isFinal()) {
      return;
    }
    cancel(heartbeatTask);
    cancel(reconnectTask);
    cancel(loginTimeoutTask);
    heartbeatTask = reconnectTask = loginTimeoutTask = null;
    Transport.Connection c = connection;
    connection = null;
    generation++;
    if (c != null) {
      if (sayLogout && state.isLoggedIn()) {
        c.send(codec.encode(Message.builder(MessageType.LOGOUT).id(newId()).build()));
      }
      c.close();
    }
    outbox.failAll(SignallingException.Failure.CLOSED, reason);
    started = true;
    setState(end, reason);
  }

  private void setState(ConnectionState next, String reason) {
    if (next == state && next != ConnectionState.LOGGED_OUT) {
      return;
    }
    state = next;
    LOG.log(System.Logger.Level.DEBUG, "{0}: {1} ({2})", user(), next, reason);
    try {
      listener.onConnectionStateChanged(next, reason);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "signalling listener failed", e);
    }
  }

  private void deliver(Message m) {
    try {
      listener.onMessage(m);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "signalling listener failed on " + m.type(), e);
    }
  }

  private String newId() {
    return "c" + nextId.incrementAndGet();
  }

  private static void cancel(Scheduler.Cancellable task) {
    if (task != null) {
      task.cancel();
    }
  }

  // ---- closing helpers (caller's thread) ----

  private void awaitConnectionsClosed() {
    try {
      if (!live.awaitNone(CLOSE_WAIT_MS)) {
        LOG.log(System.Logger.Level.WARNING, "connection did not close in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "client thread did not finish closing in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
