package org.parley.signalling.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import javax.net.ssl.SSLContext;

/**
 * Settings of one {@link SignallingClient}, made with {@link #builder(URI, String)}. Immutable.
 *
 * <p>Defaults: request timeout 10 s, connect timeout 5 s, heartbeat 5 s until the server's {@code
 * login-ok} says otherwise, silence limit 3 heartbeats, reconnect backoff 500 ms doubling to 8 s
 * with ±20 % jitter, give up after 60 s of failing, at most 256 messages queued while
 * reconnecting, system clock, own scheduler thread, Java-WebSocket transport, presence {@link
 * PresenceMode#ALL}.
 */
public final class SignallingClientConfig {
  private final URI uri;
  private final String user;
  private final String token;
  private final String displayName;
  private final SSLContext sslContext;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Transport transport;
  private final Random random;
  private final long requestTimeoutMs;
  private final int connectTimeoutMs;
  private final long heartbeatMs;
  private final int silentHeartbeats;
  private final long backoffInitialMs;
  private final double backoffMultiplier;
  private final long backoffMaxMs;
  private final double backoffJitter;
  private final long giveUpMs;
  private final int sendQueueLimit;
  private final PresenceMode presenceMode;

  private SignallingClientConfig(Builder b) {
    uri = b.uri;
    user = b.user;
    token = b.token;
    displayName = b.displayName;
    sslContext = b.sslContext;
    clock = b.clock;
    scheduler = b.scheduler;
    transport = b.transport;
    random = b.random;
    requestTimeoutMs = b.requestTimeoutMs;
    connectTimeoutMs = b.connectTimeoutMs;
    heartbeatMs = b.heartbeatMs;
    silentHeartbeats = b.silentHeartbeats;
    backoffInitialMs = b.backoffInitialMs;
    backoffMultiplier = b.backoffMultiplier;
    backoffMaxMs = b.backoffMaxMs;
    backoffJitter = b.backoffJitter;
    giveUpMs = b.giveUpMs;
    sendQueueLimit = b.sendQueueLimit;
    presenceMode = b.presenceMode;
  }

  /** A builder for a client of {@code user} talking to {@code uri} ({@code ws://} or {@code wss://}). */
  public static Builder builder(URI uri, String user) {
    return new Builder(uri, user);
  }

  public URI uri() { return uri; }
  public String user() { return user; }
  /** The login token, or null in open mode. */
  public String token() { return token; }
  /** The display name sent at login, or null. */
  public String displayName() { return displayName; }
  /** TLS context for wss, or null for the JVM default. */
  public SSLContext sslContext() { return sslContext; }
  public Clock clock() { return clock; }
  /** The scheduler to run on, or null: the client then starts (and stops) its own thread. */
  public Scheduler scheduler() { return scheduler; }
  /** The transport, or null for {@link WebSocketTransport}. */
  public Transport transport() { return transport; }
  public Random random() { return random; }
  public long requestTimeoutMs() { return requestTimeoutMs; }
  public int connectTimeoutMs() { return connectTimeoutMs; }
  /** Heartbeat period used when {@code login-ok} carries none. */
  public long heartbeatMs() { return heartbeatMs; }
  /** Heartbeat periods of silence after which the connection counts as dead. */
  public int silentHeartbeats() { return silentHeartbeats; }
  public long giveUpMs() { return giveUpMs; }
  public int sendQueueLimit() { return sendQueueLimit; }
  /** Which presence pushes the client asks for at login. */
  public PresenceMode presenceMode() { return presenceMode; }

  /** A fresh backoff sequence with this configuration's parameters. */
  public Backoff newBackoff() {
    return new Backoff(backoffInitialMs, backoffMultiplier, backoffMaxMs, backoffJitter, random);
  }

  /** Builder of {@link SignallingClientConfig}; {@link #build()} checks the values. */
  public static final class Builder {
    private final URI uri;
    private final String user;
    private String token;
    private String displayName;
    private SSLContext sslContext;
    private Clock clock = Clock.systemUTC();
    private Scheduler scheduler;
    private Transport transport;
    private Random random = new Random();
    private long requestTimeoutMs = 10_000;
    private int connectTimeoutMs = 5_000;
    private long heartbeatMs = 5_000;
    private int silentHeartbeats = 3;
    private long backoffInitialMs = 500;
    private double backoffMultiplier = 2;
    private long backoffMaxMs = 8_000;
    private double backoffJitter = 0.2;
    private long giveUpMs = 60_000;
    private int sendQueueLimit = 256;
    private PresenceMode presenceMode = PresenceMode.ALL;

    private Builder(URI uri, String user) {
      this.uri = Objects.requireNonNull(uri, "uri");
      this.user = Objects.requireNonNull(user, "user");
    }

    public Builder token(String token) { this.token = token; return this; }
    public Builder displayName(String name) { this.displayName = name; return this; }
    public Builder sslContext(SSLContext context) { this.sslContext = context; return this; }

    /** Trusts the certificates of a PKCS12 or JKS file for wss (see {@link TlsContexts}). */
    public Builder trustStore(Path path, char[] password) {
      this.sslContext = TlsContexts.trusting(path, password);
      return this;
    }

    public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }
    public Builder scheduler(Scheduler s) { this.scheduler = s; return this; }
    public Builder transport(Transport t) { this.transport = t; return this; }
    public Builder random(Random r) { this.random = Objects.requireNonNull(r); return this; }
    public Builder requestTimeoutMs(long ms) { this.requestTimeoutMs = ms; return this; }
    public Builder connectTimeoutMs(int ms) { this.connectTimeoutMs = ms; return this; }
    public Builder heartbeatMs(long ms) { this.heartbeatMs = ms; return this; }
    public Builder silentHeartbeats(int n) { this.silentHeartbeats = n; return this; }

    /** Reconnect backoff: first delay, growth factor, cap, jitter fraction. */
    public Builder backoff(long initialMs, double multiplier, long maxMs, double jitter) {
      this.backoffInitialMs = initialMs;
      this.backoffMultiplier = multiplier;
      this.backoffMaxMs = maxMs;
      this.backoffJitter = jitter;
      return this;
    }

    /** How long reconnecting may keep failing before {@link ConnectionState#RECONNECT_FAILED}. */
    public Builder giveUpMs(long ms) { this.giveUpMs = ms; return this; }
    public Builder sendQueueLimit(int n) { this.sendQueueLimit = n; return this; }

    /** Presence of everyone ({@link PresenceMode#ALL}, default) or of watched users only. */
    public Builder presenceMode(PresenceMode mode) {
      this.presenceMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** @throws IllegalArgumentException naming the first bad setting */
    public SignallingClientConfig build() {
      String scheme = uri.getScheme();
      if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("signalling URI must be ws:// or wss://: " + uri);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("signalling URI has no host: " + uri);
      }
      if (user.isEmpty()) {
        throw new IllegalArgumentException("user is empty");
      }
      if (requestTimeoutMs <= 0 || connectTimeoutMs <= 0 || heartbeatMs <= 0) {
        throw new IllegalArgumentException("timeouts and heartbeat must be positive");
      }
      if (silentHeartbeats < 1 || giveUpMs <= 0 || sendQueueLimit < 0) {
        throw new IllegalArgumentException("silence limit, give-up and queue limit out of range");
      }
      new Backoff(backoffInitialMs, backoffMultiplier, backoffMaxMs, backoffJitter, random);
      return new SignallingClientConfig(this);
    }
  }
}
