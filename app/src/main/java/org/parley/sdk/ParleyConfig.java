package org.parley.sdk;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.parley.sdk.call.CallConfig;
import org.parley.sdk.call.CallMediaFactory;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.media.MediaOptions;
import org.parley.signalling.client.SignallingClientConfig;

/**
 * Everything a {@link ParleyClient} is built from: the signalling server and the user, the media
 * settings and devices, call timers. Made with {@link #builder(URI, String)}; immutable except
 * for {@link #media()}, whose changes apply to the next call.
 */
public final class ParleyConfig {
  private final URI serverUri;
  private final String user;
  private final String token;
  private final String displayName;
  private final MediaOptions media;
  private final String cameraId;
  private final CameraProperty cameraProperty;
  private final CallConfig calls;
  private final long devicePollMs;
  private final Clock clock;
  private final UnaryOperator<SignallingClientConfig.Builder> signallingTuning;
  private final UnaryOperator<CallMediaFactory> mediaFactoryDecorator;

  private ParleyConfig(Builder b) {
    serverUri = b.serverUri;
    user = b.user;
    token = b.token;
    displayName = b.displayName;
    media = b.media;
    cameraId = b.cameraId;
    cameraProperty = b.cameraProperty;
    calls = b.calls;
    devicePollMs = b.devicePollMs;
    clock = b.clock;
    signallingTuning = b.signallingTuning;
    mediaFactoryDecorator = b.mediaFactoryDecorator;
  }

  /** A configuration for {@code user} on the server at {@code serverUri} (ws:// or wss://). */
  public static Builder builder(URI serverUri, String user) {
    return new Builder(serverUri, user);
  }

  public URI serverUri() { return serverUri; }
  public String user() { return user; }
  /** The login token, or null in open mode. */
  public String token() { return token; }
  public String displayName() { return displayName; }
  public MediaOptions media() { return media; }
  /** The camera to start with (null: the first listed). */
  public String cameraId() { return cameraId; }
  public CameraProperty cameraProperty() { return cameraProperty; }
  public CallConfig calls() { return calls; }
  public long devicePollMs() { return devicePollMs; }
  public Clock clock() { return clock; }
  /** Adjusts the signalling client's settings (timeouts, transport) before it is built. */
  public UnaryOperator<SignallingClientConfig.Builder> signallingTuning() { return signallingTuning; }
  /** Wraps the production media factory (instrumentation, tests). */
  public UnaryOperator<CallMediaFactory> mediaFactoryDecorator() { return mediaFactoryDecorator; }

  /** Builder of {@link ParleyConfig}. */
  public static final class Builder {
    private final URI serverUri;
    private final String user;
    private String token;
    private String displayName;
    private MediaOptions media = new MediaOptions();
    private String cameraId;
    private CameraProperty cameraProperty = CameraProperty.defaults();
    private CallConfig calls = CallConfig.defaults();
    private long devicePollMs = 3_000;
    private Clock clock = Clock.systemUTC();
    private UnaryOperator<SignallingClientConfig.Builder> signallingTuning = b -> b;
    private UnaryOperator<CallMediaFactory> mediaFactoryDecorator = f -> f;

    private Builder(URI serverUri, String user) {
      this.serverUri = Objects.requireNonNull(serverUri, "serverUri");
      this.user = Objects.requireNonNull(user, "user");
    }

    public Builder token(String value) { token = value; return this; }
    public Builder displayName(String value) { displayName = value; return this; }
    public Builder media(MediaOptions value) { media = Objects.requireNonNull(value); return this; }
    /** A camera index, {@code "test-pattern"} or {@code "file:<path>"}. */
    public Builder camera(String id) { cameraId = id; return this; }
    public Builder cameraProperty(CameraProperty value) { cameraProperty = Objects.requireNonNull(value); return this; }
    public Builder calls(CallConfig value) { calls = Objects.requireNonNull(value); return this; }
    public Builder devicePollMs(long value) { devicePollMs = value; return this; }
    public Builder clock(Clock value) { clock = Objects.requireNonNull(value); return this; }
    public Builder signallingTuning(UnaryOperator<SignallingClientConfig.Builder> value) {
      signallingTuning = Objects.requireNonNull(value);
      return this;
    }
    public Builder mediaFactoryDecorator(UnaryOperator<CallMediaFactory> value) {
      mediaFactoryDecorator = Objects.requireNonNull(value);
      return this;
    }

    /** @throws IllegalArgumentException naming the first bad setting */
    public ParleyConfig build() {
      if (devicePollMs <= 0) {
        throw new IllegalArgumentException("devicePollMs must be positive");
      }
      return new ParleyConfig(this);
    }
  }
}
