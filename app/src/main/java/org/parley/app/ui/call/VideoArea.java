package org.parley.app.ui.call;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import org.parley.media.video.RenderMode;

/**
 * The video part of the call window: the peer's video filling the area and our own preview as a
 * picture-in-picture in a corner ({@link PictureInPictureLayout}). Until the peer's video runs
 * (ringing, voice-only, camera off) the large area shows a line of text instead. Both views are
 * native {@link VideoSurface}s; where native windows are not available each is swapped for a
 * {@link PixelBufferVideo}. Event thread only; {@link #stop()} before the window goes.
 */
final class VideoArea extends JPanel implements VideoSurface.Listener {
  private static final long serialVersionUID = 1L;
  private static final String WAITING = "waiting";
  private static final String VIDEO = "video";
  /** How our own preview is fitted into the small corner (crop: no black bars). */
  private static final RenderMode PIP_MODE = RenderMode.FULL_SCREEN;

  private final transient VideoView other;
  private final transient VideoView self;
  private final JPanel remoteSlot = new JPanel(new CardLayout());
  private final JPanel pipSlot = new JPanel(new BorderLayout());
  private final JLabel waiting = new JLabel("", SwingConstants.CENTER);
  private Component remote;
  private Component preview;
  private RenderMode mode;

  VideoArea(VideoView other, VideoView self, RenderMode mode) {
    super(new PictureInPictureLayout());
    this.other = other;
    this.self = self;
    this.mode = mode;
    setName("call.video");
    setBackground(videoBackground());
    waiting.setName("call.waiting");
    waiting.setForeground(new Color(0xe8e8e8));
    waiting.setFont(waiting.getFont().deriveFont(Font.PLAIN, waiting.getFont().getSize2D() * 1.6f));
    JPanel waitingCard = new JPanel(new BorderLayout());
    waitingCard.setBackground(videoBackground());
    waitingCard.add(waiting);
    remote = new VideoSurface(other, mode, this);
    remote.setName("call.remoteVideo");
    preview = new VideoSurface(self, PIP_MODE, this);
    preview.setName("call.selfVideo");
    remoteSlot.setName("call.remoteSlot");
    remoteSlot.add(waitingCard, WAITING);
    remoteSlot.add(remote, VIDEO);
    pipSlot.add(preview);
    pipSlot.setVisible(false);
    // Heavyweight z-order follows the index: the preview goes first to stay on top.
    add(pipSlot, PictureInPictureLayout.PIP);
    add(remoteSlot, PictureInPictureLayout.MAIN);
  }

  /** The theme's colour behind video ({@code Parley.video.background}), black without one. */
  static Color videoBackground() {
    Color c = UIManager.getColor("Parley.video.background");
    return c != null ? c : Color.BLACK;
  }

  /** Shows {@code text} in place of the peer's video. */
  void showWaiting(String text) {
    waiting.setText(text);
    ((CardLayout) remoteSlot.getLayout()).show(remoteSlot, WAITING);
  }

  /** Shows the peer's video. */
  void showVideo() {
    ((CardLayout) remoteSlot.getLayout()).show(remoteSlot, VIDEO);
  }

  /** Whether the large area shows the peer's video (not the text). */
  boolean showsVideo() {
    return remote.isVisible();
  }

  /** Shows or hides our own preview in the corner. */
  void setPreviewVisible(boolean visible) {
    if (pipSlot.isVisible() != visible) {
      pipSlot.setVisible(visible);
      revalidate();
    }
  }

  RenderMode renderMode() {
    return mode;
  }

  /** Fits the peer's video anew (restarts its view with {@code next}). */
  void setRenderMode(RenderMode next) {
    mode = next;
    if (remote instanceof VideoSurface s) {
      s.setRenderMode(next);
    } else if (remote instanceof PixelBufferVideo p) {
      p.setRenderMode(next);
    }
  }

  /** The component that shows the peer's video (a canvas, or the pixel-buffer fallback). */
  Component remoteVideo() {
    return remote;
  }

  /** Stops both views (the call ended or the window closes). */
  void stop() {
    stop(remote);
    stop(preview);
  }

  private static void stop(Component c) {
    if (c instanceof VideoSurface s) {
      s.detach();
    } else if (c instanceof PixelBufferVideo p) {
      p.stop();
    }
  }

  @Override
  public void onNoNativeWindow(VideoSurface surface, String reason) {
    boolean isRemote = surface == remote;
    PixelBufferVideo fallback =
        new PixelBufferVideo(isRemote ? other : self, isRemote ? other : self, isRemote ? mode : PIP_MODE);
    fallback.setName(surface.getName());
    Container parent = surface.getParent();
    boolean visible = surface.isVisible();
    parent.remove(surface);
    if (isRemote) {
      remote = fallback;
      remoteSlot.add(fallback, VIDEO);
      if (visible) {
        showVideo();
      }
    } else {
      preview = fallback;
      pipSlot.add(fallback);
    }
    ((JComponent) parent).revalidate();
    fallback.start();
  }
}
