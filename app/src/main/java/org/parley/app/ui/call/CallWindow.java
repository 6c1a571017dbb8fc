package org.parley.app.ui.call;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.util.Objects;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import javax.swing.text.JTextComponent;
import org.parley.media.call.CallMedia;
import org.parley.media.video.RenderMode;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallManager;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.sdk.device.MediaDevice;

/**
 * The window of one live call: header (peer, state or timer, network quality, what the peer
 * muted), the peer's video large with our preview in a corner ({@link VideoArea}), optional side
 * panels for statistics and chat, and the control bar below. Keys: F11 full screen, Esc leaves
 * it, I statistics. Closing the window hangs up at once without asking, as FaceTime and Teams do
 * for a one-to-one call (the red button and the close box mean the same thing).
 *
 * <p>The owner feeds every new snapshot to {@link #update}, the SDK's video sizes to {@link
 * #onVideoSize} and chat to {@link #onMessage}, and calls {@link #close()} when the call is
 * removed. Event thread only.
 */
final class CallWindow extends JFrame implements CallControlBar.Listener, ChatPanel.Listener {
  private static final long serialVersionUID = 1L;
  static final String MESSAGE_TYPE = "text";
  private static final int TICK_MS = 1000;

  private final transient CallManager calls;
  private final transient MediaDevice devices;
  private final transient Clock clock;
  private final String peerName;
  private transient CallItem item;
  private final CallHeader header;
  private final VideoArea video;
  private final CallControlBar controls = new CallControlBar(this);
  private final StatisticsPanel stats = new StatisticsPanel();
  private final ChatPanel chat;
  private final JPanel side = new JPanel(new BorderLayout());
  private final JSplitPane split;
  private final Timer ticker;
  private final int dividerSize;
  private Rectangle windowedBounds;
  private boolean fullScreen;
  private boolean closed;

  CallWindow(CallManager calls, MediaDevice devices, CallItem item, String peerName, Clock clock) {
    super("Call with " + peerName);
    this.calls = Objects.requireNonNull(calls, "calls");
    this.devices = Objects.requireNonNull(devices, "devices");
    this.item = Objects.requireNonNull(item, "item");
    this.peerName = Objects.requireNonNull(peerName, "peerName");
    this.clock = Objects.requireNonNull(clock, "clock");
    setName("call.window");
    header = new CallHeader(peerName, clock);
    video = new VideoArea(
        new SdkVideoView(calls, item, CallMedia.View.OTHER),
        new SdkVideoView(calls, item, CallMedia.View.SELF),
        RenderMode.FULL_CONTENT);
    chat = new ChatPanel(clock, this);
    stats.setVisible(false);
    chat.setVisible(false);
    side.add(stats, BorderLayout.NORTH);
    side.add(chat, BorderLayout.CENTER);
    side.setPreferredSize(new Dimension(300, 0));
    side.setVisible(false);
    split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, video, side);
    split.setResizeWeight(1.0);
    split.setContinuousLayout(true);
    split.setBorder(null);
    dividerSize = split.getDividerSize();
    split.setDividerSize(0);
    add(header, BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);
    add(controls, BorderLayout.SOUTH);
    setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
    addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosing(WindowEvent e) {
        hangUp();
        close();
      }
    });
    bindKeys();
    setMinimumSize(new Dimension(520, 420));
    setSize(960, 680);
    ticker = new Timer(TICK_MS, e -> tick());
    ticker.start();
    update(item);
  }

  /** The latest snapshot shown. */
  CallItem item() {
    return item;
  }

  CallHeader header() {
    return header;
  }

  VideoArea videoArea() {
    return video;
  }

  CallControlBar controls() {
    return controls;
  }

  StatisticsPanel statistics() {
    return stats;
  }

  ChatPanel chat() {
    return chat;
  }

  boolean isFullScreen() {
    return fullScreen;
  }

  /** Shows a new snapshot of the call. */
  void update(CallItem next) {
    item = next;
    header.update(next);
    controls.update(next);
    stats.update(next.statistics(), clock.instant());
    // Our own picture exists once media runs (not while ringing: it would be a black box).
    video.setPreviewVisible(next.video() && next.uploadVideoSelf()
        && (next.state() == CallState.CONNECTING || next.state() == CallState.TALKING));
    if (!next.video()) {
      video.showWaiting("Voice call with " + peerName);
    } else if (next.state() == CallState.INIT || next.state() == CallState.PENDING) {
      video.showWaiting(next.direction() == CallDirection.OUT
          ? "Calling " + peerName + "…"
          : "Connecting…"); // incoming windows open once answered
    } else if (next.state() == CallState.CONNECTING) {
      video.showWaiting("Connecting…");
    } else if (next.held() || next.otherHeld()) {
      video.showWaiting("On hold");
    } else if (!next.uploadVideoOther()) {
      video.showWaiting(peerName + " turned their camera off");
    } else {
      video.showVideo();
    }
  }

  /** The SDK reported the size of a view's source video. */
  void onVideoSize(CallMedia.View view, int width, int height) {
    stats.setVideoSize(view == CallMedia.View.SELF, width, height);
  }

  /** The peer sent an in-call message. */
  void onMessage(String content) {
    chat.add(new ChatMessage(peerName, clock.instant(), content, false));
  }

  /** Stops the video views and the timer and closes the window; safe to call twice. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    ticker.stop();
    video.stop();
    dispose();
  }

  boolean isClosed() {
    return closed;
  }

  // ---------------------------------------------------------------- controls

  @Override
  public void onControl(CallControlBar.Control control) {
    switch (control) {
      case MUTE -> calls.setMicrophoneMuted(item, !item.microphoneMuted());
      case CAMERA -> calls.setVideoSending(item, !item.uploadVideoSelf());
      case SWITCH_CAMERA -> devices.switchCamera();
      case SPEAKER -> calls.setSpeakerMuted(item, !item.speakerMuted());
      case RENDER_MODE -> {
        RenderMode next = CallControlBar.next(video.renderMode());
        video.setRenderMode(next);
        controls.setRenderMode(next);
      }
      case FULL_SCREEN -> setFullScreen(!fullScreen);
      case CHAT -> showChat(!chat.isVisible());
      case STATS -> showStatistics(!stats.isVisible());
      case HANG_UP -> hangUp();
    }
    // The toggles show the SDK's state, not the click: put them back until the update comes.
    controls.update(item);
  }

  /** Ends the call (cancels it while it rings); the window closes when the SDK removes it. */
  void hangUp() {
    calls.term(item, CallReason.NONE, "");
  }

  void showChat(boolean visible) {
    chat.setVisible(visible);
    chat.setShown(visible);
    layoutSide();
  }

  void showStatistics(boolean visible) {
    stats.setVisible(visible);
    if (visible) {
      refreshStatistics();
    }
    layoutSide();
  }

  private void layoutSide() {
    boolean any = chat.isVisible() || stats.isVisible();
    side.setVisible(any);
    split.setDividerSize(any ? dividerSize : 0);
    controls.setPanels(chat.isVisible(), stats.isVisible(), chat.unread());
    split.resetToPreferredSizes();
    split.revalidate();
  }

  @Override
  public boolean onSend(String text) {
    try {
      calls.sendMessage(item, MESSAGE_TYPE, text);
      return true;
    } catch (IllegalArgumentException e) {
      chat.setProblem("That message is too long to send.");
      return false;
    }
  }

  @Override
  public void onUnreadChanged(int unread) {
    controls.setPanels(chat.isVisible(), stats.isVisible(), unread);
  }

  /**
   * Full screen on the window's screen, or back. The frame is re-created undecorated (so the
   * video canvases get new native windows and restart their views).
   */
  void setFullScreen(boolean on) {
    if (on == fullScreen || closed) {
      return;
    }
    fullScreen = on;
    GraphicsConfiguration gc = getGraphicsConfiguration();
    dispose();
    setUndecorated(on);
    if (on) {
      windowedBounds = getBounds();
      setBounds(gc.getBounds());
    } else if (windowedBounds != null) {
      setBounds(windowedBounds);
    }
    controls.setFullScreen(on);
    setVisible(true);
  }

  private void tick() {
    header.timer().refresh();
    if (stats.isVisible()) {
      refreshStatistics();
    }
  }

  /** Statistics change without updates: read the latest snapshot of this call. */
  private void refreshStatistics() {
    for (CallItem i : calls.getCallItems()) {
      if (i.id().equals(item.id())) {
        stats.update(i.statistics(), clock.instant());
        header.quality().setQuality(i.uploadQuality(), i.downloadQuality());
      }
    }
  }

  private void bindKeys() {
    JComponent root = getRootPane();
    bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_F11, 0), "fullScreen", () -> setFullScreen(!fullScreen));
    bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "leaveFullScreen", () -> setFullScreen(false));
    bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_I, 0), "statistics", () -> {
      if (!(KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JTextComponent)) {
        showStatistics(!stats.isVisible());
      }
    });
  }

  private static void bind(JComponent root, KeyStroke key, String name, Runnable action) {
    root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
    root.getActionMap().put(name, new AbstractAction(name) {
      private static final long serialVersionUID = 1L;

      @Override
      public void actionPerformed(ActionEvent e) {
        action.run();
      }
    });
  }

  /** Places the window over {@code owner} (or centred when null). */
  void showNear(Window owner) {
    setLocationRelativeTo(owner);
    setVisible(true);
  }
}
