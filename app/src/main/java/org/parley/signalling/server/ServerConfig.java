package org.parley.signalling.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.parley.signalling.protocol.Protocol;

/**
 * Settings of a {@link SignallingServer}, made with {@link #builder()}. Either a secret (token
 * mode) or {@link Builder#open()} (open mode) must be chosen. Immutable; the defaults are the
 * protocol's ({@code docs/signalling-protocol.md}).
 */
public final class ServerConfig {
  private final String bindAddress;
  private final int port;
  private final Path keystore;
  private final char[] keystorePassword;
  private final byte[] secret;
  private final boolean open;
  private final long heartbeatMs;
  private final Duration reconnectGrace;
  private final Duration ringTimeout;
  private final double ratePerSecond;
  private final int rateBurst;
  private final int maxClients;
  private final int maxPresenceAll;
  private final Clock clock;
  private final Duration sweepInterval;

  private ServerConfig(Builder b) {
    this.bindAddress = b.bindAddress;
    this.port = b.port;
    this.keystore = b.keystore;
    this.keystorePassword = b.keystorePassword == null ? null : b.keystorePassword.clone();
    this.secret = b.secret == null ? null : b.secret.clone();
    this.open = b.open;
    this.heartbeatMs = b.heartbeatMs;
    this.reconnectGrace = b.reconnectGrace;
    this.ringTimeout = b.ringTimeout;
    this.ratePerSecond = b.ratePerSecond;
    this.rateBurst = b.rateBurst;
    this.maxClients = b.maxClients;
    this.maxPresenceAll = b.maxPresenceAll;
    this.clock = b.clock;
    this.sweepInterval = b.sweepInterval;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The address to listen on; {@code 0.0.0.0} (all IPv4 interfaces) by default. */
  public String bindAddress() {
    return bindAddress;
  }

  /** The TCP port; 0 picks a free one (see {@link SignallingServer#port()}). */
  public int port() {
    return port;
  }

  /** The PKCS12 keystore for wss, or null for plain ws. */
  public Path keystore() {
    return keystore;
  }

  /** A copy of the keystore password (null without a keystore). */
  public char[] keystorePassword() {
    return keystorePassword == null ? null : keystorePassword.clone();
  }

  /** A copy of the token secret, or null in open mode. */
  public byte[] secret() {
    return secret == null ? null : secret.clone();
  }

  /** Whether any valid user id may log in without a token. */
  public boolean isOpen() {
    return open;
  }

  public long heartbeatMs() {
    return heartbeatMs;
  }

  public Duration reconnectGrace() {
    return reconnectGrace;
  }

  public Duration ringTimeout() {
    return ringTimeout;
  }

  /** Messages per second each connection may send on average. */
  public double ratePerSecond() {
    return ratePerSecond;
  }

  /** Messages a connection may send at once. */
  public int rateBurst() {
    return rateBurst;
  }

  public int maxClients() {
    return maxClients;
  }

  /**
   * Above this many other logged-in users a login asking for presence {@code all} gets a
   * snapshot of this many users and is served as presence {@code watch} (default 200): a
   * presence change is pushed to at most this many {@code all} sessions plus its watchers.
   */
  public int maxPresenceAll() {
    return maxPresenceAll;
  }

  /** The clock every timing decision is made with. */
  public Clock clock() {
    return clock;
  }

  /** How often (in real time) the sweeper looks at the clock. */
  public Duration sweepInterval() {
    return sweepInterval;
  }

  /** Builds a {@link ServerConfig}; {@link #build()} checks the values. */
  public static final class Builder {
    private String bindAddress = "0.0.0.0";
    private int port = Protocol.DEFAULT_PORT;
    private Path keystore;
    private char[] keystorePassword;
    private byte[] secret;
    private boolean open;
    private long heartbeatMs = Protocol.DEFAULT_HEARTBEAT_MS;
    private Duration reconnectGrace = Duration.ofSeconds(8);
    private Duration ringTimeout = Duration.ofSeconds(65);
    private double ratePerSecond = 50;
    private int rateBurst = 100;
    private int maxClients = 1000;
    private int maxPresenceAll = 200;
    private Clock clock = Clock.systemUTC();
    private Duration sweepInterval;

    private Builder() {}

    public Builder bindAddress(String value) {
      this.bindAddress = Objects.requireNonNull(value);
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** Serve wss with this PKCS12 keystore (its key and certificate chain). */
    public Builder keystore(Path file, char[] password) {
      this.keystore = Objects.requireNonNull(file);
      this.keystorePassword = password == null ? new char[0] : password.clone();
      return this;
    }

    /** Token mode with this HMAC secret. */
    public Builder secret(byte[] value) {
      this.secret = Objects.requireNonNull(value).clone();
      this.open = false;
      return this;
    }

    /** Open mode: no tokens (a LAN demo). */
    public Builder open() {
      this.open = true;
      this.secret = null;
      return this;
    }

    public Builder heartbeatMs(long value) {
      this.heartbeatMs = value;
      return this;
    }

    public Builder reconnectGrace(Duration value) {
      this.reconnectGrace = Objects.requireNonNull(value);
      return this;
    }

    public Builder ringTimeout(Duration value) {
      this.ringTimeout = Objects.requireNonNull(value);
      return this;
    }

    /** Token bucket per connection: {@code perSecond} on average, {@code burst} at once. */
    public Builder rateLimit(double perSecond, int burst) {
      this.ratePerSecond = perSecond;
      this.rateBurst = burst;
      return this;
    }

    public Builder maxClients(int value) {
      this.maxClients = value;
      return this;
    }

    /** See {@link ServerConfig#maxPresenceAll()}. */
    public Builder maxPresenceAll(int value) {
      this.maxPresenceAll = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** How often the sweeper runs (default: a fifth of the heartbeat, at most one second). */
    public Builder sweepInterval(Duration value) {
      this.sweepInterval = Objects.requireNonNull(value);
      return this;
    }

    /** @throws IllegalArgumentException for a missing auth mode or an out-of-range value */
    public ServerConfig build() {
      if (!open && (secret == null || secret.length == 0)) {
        throw new IllegalArgumentException("choose a secret or open mode");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      if (heartbeatMs < 1 || heartbeatMs > 3_600_000) {
        throw new IllegalArgumentException("heartbeatMs out of range: " + heartbeatMs);
      }
      if (!(ratePerSecond > 0) || rateBurst < 1) {
        throw new IllegalArgumentException("the rate limit must be positive");
      }
      if (maxClients < 1) {
        throw new IllegalArgumentException("maxClients must be positive");
      }
      if (maxPresenceAll < 0) {
        throw new IllegalArgumentException("maxPresenceAll must not be negative");
      }
      if (reconnectGrace.isNegative() || ringTimeout.isNegative() || ringTimeout.isZero()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
      if (sweepInterval == null) {
        sweepInterval = Duration.ofMillis(Math.max(10, Math.min(1000, heartbeatMs / 5)));
      }
      return new ServerConfig(this);
    }
  }
}
