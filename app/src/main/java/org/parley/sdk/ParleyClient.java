package org.parley.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallManager;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.device.MediaDeviceCallback;
import org.parley.sdk.device.NativeDeviceLister;
import org.parley.sdk.event.SdkEventThread;
import org.parley.sdk.media.NativeCallMediaFactory;
import org.parley.signalling.client.ConnectionState;
import org.parley.signalling.client.SignallingClient;
import org.parley.signalling.client.SignallingClientConfig;
import org.parley.signalling.protocol.Message;

/**
 * The SDK's entry point: one user's connection to a signalling server, its devices and its calls.
 * Owns the {@link SignallingClient}, the {@link MediaDevice}, the {@link CallManager} and the one
 * SDK event thread on which every callback (login state, peers, calls, devices) runs.
 *
 * <p>Use: build with a {@link ParleyConfig}, set callbacks, {@link #login()}, place and answer
 * calls through {@link #calls()}, and {@link #close()} when done (it hangs up, logs out and stops
 * the threads). Methods may be called from any thread.
 */
public final class ParleyClient implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** Login state and presence, on the SDK event thread; all methods have empty defaults. */
  public interface Listener {
    /** The signalling connection changed (connecting, connected, reconnecting, kicked...). */
    default void onLoginStateChanged(ConnectionState state, String reason) {}

    /** The list of other users changed (login, a peers reply, a presence push). */
    default void onPeersChanged(List<Peer> peers) {}

    /** One user came online, went busy, or went offline. */
    default void onPresence(Peer peer) {}
  }

  private final ParleyConfig config;
  private final SdkEventThread events;
  private final SignallingClient signalling;
  private final MediaDevice device;
  private final CallManager calls;
  private volatile Listener listener = new Listener() {};
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /** Builds the parts; nothing connects until {@link #login()}. */
  public ParleyClient(ParleyConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    events = new SdkEventThread("parley-sdk-" + config.user() + "-" + INSTANCES.incrementAndGet());
    device = new MediaDevice(new NativeDeviceLister(), events, config.media(), config.cameraId(), config.devicePollMs());
    device.setCameraProperty(config.cameraProperty());
    SignallingClientConfig.Builder sb = SignallingClientConfig.builder(config.serverUri(), config.user())
        .token(config.token())
        .displayName(config.displayName())
        .clock(config.clock());
    signalling = new SignallingClient(config.signallingTuning().apply(sb).build(), new SignallingListener());
    calls = new CallManager(
        config.user(),
        new SignallingClientAdapter(signalling),
        config.mediaFactoryDecorator().apply(
            new NativeCallMediaFactory(config.media(), device::currentVideoSource, config.user())),
        events,
        config.clock(),
        config.calls());
    device.setCameraSink(calls::switchCamera);
  }

  public void setListener(Listener value) {
    listener = value == null ? new Listener() {} : value;
  }

  public void setCallCallback(CallCallback callback) {
    calls.setCallback(callback);
  }

  public void setMediaDeviceCallback(MediaDeviceCallback callback) {
    device.setCallback(callback);
  }

  /** Connects and logs in (asynchronously: watch {@link Listener#onLoginStateChanged}). */
  public void login() {
    signalling.connect();
    device.startPolling();
  }

  /** Hangs up every call, then logs out; the client can log in again. */
  public void logout() {
    events.execute(() -> {
      calls.termAll("logout");
      events.execute(signalling::logout);
    });
  }

  public String user() {
    return config.user();
  }

  public ConnectionState state() {
    return signalling.state();
  }

  public CallManager calls() {
    return calls;
  }

  public MediaDevice mediaDevice() {
    return device;
  }

  /** The other users last heard of. */
  public List<Peer> peers() {
    List<Peer> out = new ArrayList<>();
    for (Message m : signalling.lastPeers()) {
      out.add(peerOf(m));
    }
    return List.copyOf(out);
  }

  private static Peer peerOf(Message m) {
    String user = String.valueOf(m.string("user"));
    String name = m.string("displayName");
    return new Peer(user, name == null ? user : name, String.valueOf(m.string("status")));
  }

  /** Hangs up, logs out, stops the preview, polling and all threads. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    calls.close();
    signalling.close();
    device.close();
    events.close();
  }

  /** Takes the signalling client's events (on its thread) over to the SDK event thread. */
  private final class SignallingListener implements SignallingClient.Listener {
    @Override
    public void onConnectionStateChanged(ConnectionState state, String reason) {
      calls.onConnectionStateChanged(state, reason);
      events.execute(() -> listener.onLoginStateChanged(state, reason));
    }

    @Override
    public void onMessage(Message message) {
      switch (message.type()) {
        case LOGIN_OK, PEERS -> {
          if (message.type() == org.parley.signalling.protocol.MessageType.LOGIN_OK) {
            calls.onSignallingMessage(message);
          }
          List<Peer> peers = peers();
          events.execute(() -> listener.onPeersChanged(peers));
        }
        case PRESENCE -> {
          Peer peer = peerOf(message);
          List<Peer> peers = peers();
          events.execute(() -> {
            listener.onPresence(peer);
            listener.onPeersChanged(peers);
          });
        }
        default -> {
          if (message.type().isCallRequest() || message.type() == org.parley.signalling.protocol.MessageType.CALL_ENDED) {
            calls.onSignallingMessage(message);
          }
        }
      }
    }
  }
}
