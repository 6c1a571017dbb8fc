package org.parley.app.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.parley.media.call.CallMedia;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.Peer;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.device.DeviceKind;
import org.parley.sdk.device.MediaDeviceCallback;
import org.parley.signalling.client.ConnectionState;

/**
 * The one place SDK callbacks enter the UI. The SDK takes one listener of each kind; this hub is
 * that listener and hands every callback over to the Swing event thread (never running UI code
 * on the SDK event thread), then to each subscriber in the order they subscribed. Subscribers
 * may be added and removed from any thread; a subscriber that throws is logged and the others
 * still run.
 */
public final class UiEvents implements ParleyClient.Listener, CallCallback, MediaDeviceCallback {
  private static final System.Logger LOG = System.getLogger(UiEvents.class.getName());

  private final Executor uiThread;
  private final List<ParleyClient.Listener> clientListeners = new CopyOnWriteArrayList<>();
  private final List<CallCallback> callCallbacks = new CopyOnWriteArrayList<>();
  private final List<MediaDeviceCallback> deviceCallbacks = new CopyOnWriteArrayList<>();

  /** A hub that delivers on the Swing event thread. */
  public UiEvents() {
    this(SwingUtilities::invokeLater);
  }

  /** A hub that delivers on {@code uiThread} (tests pass a direct executor). */
  public UiEvents(Executor uiThread) {
    this.uiThread = uiThread;
  }

  /** Makes this hub the client's listener, call callback and device callback. */
  public void attach(ParleyClient client) {
    client.setListener(this);
    client.setCallCallback(this);
    client.setMediaDeviceCallback(this);
  }

  public void addClientListener(ParleyClient.Listener l) { clientListeners.add(l); }

  public void removeClientListener(ParleyClient.Listener l) { clientListeners.remove(l); }

  public void addCallCallback(CallCallback c) { callCallbacks.add(c); }

  public void removeCallCallback(CallCallback c) { callCallbacks.remove(c); }

  public void addDeviceCallback(MediaDeviceCallback c) { deviceCallbacks.add(c); }

  public void removeDeviceCallback(MediaDeviceCallback c) { deviceCallbacks.remove(c); }

  private <T> void each(List<T> subscribers, Consumer<T> call) {
    uiThread.execute(() -> {
      for (T s : subscribers) {
        try {
          call.accept(s);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "UI subscriber " + s + " failed", e);
        }
      }
    });
  }

  @Override
  public void onLoginStateChanged(ConnectionState state, String reason) {
    each(clientListeners, l -> l.onLoginStateChanged(state, reason));
  }

  @Override
  public void onPeersChanged(List<Peer> peers) {
    each(clientListeners, l -> l.onPeersChanged(peers));
  }

  @Override
  public void onPresence(Peer peer) {
    each(clientListeners, l -> l.onPresence(peer));
  }

  @Override
  public void onCallItemAdd(CallItem item) {
    each(callCallbacks, c -> c.onCallItemAdd(item));
  }

  @Override
  public void onCallItemUpdate(CallItem item, CallItemChange change) {
    each(callCallbacks, c -> c.onCallItemUpdate(item, change));
  }

  @Override
  public void onCallItemRemove(CallItem item, CallReason reason, String description) {
    each(callCallbacks, c -> c.onCallItemRemove(item, reason, description));
  }

  @Override
  public void onMessageReceive(CallItem item, String type, String content) {
    each(callCallbacks, c -> c.onMessageReceive(item, type, content));
  }

  @Override
  public void onMissedCallItem(CallItem item) {
    each(callCallbacks, c -> c.onMissedCallItem(item));
  }

  @Override
  public void onVideoFirstFrame(CallItem item, CallMedia.View view, int width, int height) {
    each(callCallbacks, c -> c.onVideoFirstFrame(item, view, width, height));
  }

  @Override
  public void onVideoSizeChanged(CallItem item, CallMedia.View view, int width, int height) {
    each(callCallbacks, c -> c.onVideoSizeChanged(item, view, width, height));
  }

  @Override
  public void onCameraUpdate() {
    each(deviceCallbacks, MediaDeviceCallback::onCameraUpdate);
  }

  @Override
  public void onDeviceListChanged(DeviceKind kind) {
    each(deviceCallbacks, c -> c.onDeviceListChanged(kind));
  }

  @Override
  public void onPreviewFirstFrame(int width, int height) {
    each(deviceCallbacks, c -> c.onPreviewFirstFrame(width, height));
  }

  @Override
  public void onPreviewSizeChanged(int width, int height) {
    each(deviceCallbacks, c -> c.onPreviewSizeChanged(width, height));
  }

  @Override
  public void onPreviewError(String message) {
    each(deviceCallbacks, c -> c.onPreviewError(message));
  }
}
