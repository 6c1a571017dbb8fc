package org.parley.app.ui.call;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import org.parley.media.video.RenderMode;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallState;

/**
 * The row of call controls below the video (never over it: lightweight components do not paint
 * over a native canvas). Each button reports a {@link Control} to the {@link Listener}; the
 * toggles show the state of the last {@link CallItem} given to {@link #update}, so the SDK's
 * snapshot stays the single truth. Buttons are named {@code call.mute}, {@code call.camera} ...
 * (see {@link Control#componentName()}). Event thread only.
 */
final class CallControlBar extends JPanel {
  private static final long serialVersionUID = 1L;
  /** FlatLaf's client property for a style class from the theme's properties. */
  static final String STYLE_CLASS = "FlatLaf.styleClass";

  /** What a button asks for. */
  enum Control {
    MUTE("call.mute"),
    CAMERA("call.camera"),
    SWITCH_CAMERA("call.switchCamera"),
    SPEAKER("call.speaker"),
    RENDER_MODE("call.renderMode"),
    FULL_SCREEN("call.fullscreen"),
    CHAT("call.chat"),
    STATS("call.stats"),
    HANG_UP("call.hangup");

    private final String componentName;

    Control(String componentName) {
      this.componentName = componentName;
    }

    /** The button's {@code setName}. */
    String componentName() {
      return componentName;
    }
  }

  /** Told which control the user pressed. */
  interface Listener {
    void onControl(Control control);
  }

  private final Map<Control, AbstractButton> buttons = new EnumMap<>(Control.class);

  CallControlBar(Listener listener) {
    super(new FlowLayout(FlowLayout.CENTER, 8, 8));
    Objects.requireNonNull(listener, "listener");
    setName("call.controls");
    for (Control c : Control.values()) {
      AbstractButton b = c == Control.MUTE || c == Control.CAMERA || c == Control.SPEAKER
          || c == Control.FULL_SCREEN || c == Control.CHAT || c == Control.STATS
          ? new JToggleButton()
          : new JButton();
      b.setName(c.componentName());
      b.putClientProperty(STYLE_CLASS, c == Control.HANG_UP ? "callDecline" : "callControl");
      b.setFocusable(c == Control.HANG_UP);
      b.addActionListener(e -> listener.onControl(c));
      buttons.put(c, b);
      add(b);
    }
    icon(Control.SWITCH_CAMERA, ControlIcon.Glyph.SWITCH);
    icon(Control.RENDER_MODE, ControlIcon.Glyph.FIT);
    icon(Control.FULL_SCREEN, ControlIcon.Glyph.FULL_SCREEN);
    icon(Control.CHAT, ControlIcon.Glyph.CHAT);
    icon(Control.STATS, ControlIcon.Glyph.STATS);
    icon(Control.HANG_UP, ControlIcon.Glyph.HANG_UP);
    icon(Control.MUTE, ControlIcon.Glyph.MIC);
    icon(Control.CAMERA, ControlIcon.Glyph.CAMERA);
    icon(Control.SPEAKER, ControlIcon.Glyph.SPEAKER);
    AbstractButton hangUp = buttons.get(Control.HANG_UP);
    hangUp.setText("Hang up");
    buttons.get(Control.SWITCH_CAMERA).setText("Switch camera");
    buttons.get(Control.SWITCH_CAMERA).setToolTipText("Use the next camera");
    buttons.get(Control.FULL_SCREEN).setToolTipText("Full screen (F11, Esc to leave)");
    buttons.get(Control.STATS).setToolTipText("Call statistics (I)");
    setRenderMode(RenderMode.FULL_CONTENT);
    setFullScreen(false);
    setPanels(false, false, 0);
  }

  /**
   * One row when the window is wide enough; otherwise as many rows as the flow layout wraps the
   * buttons into (a plain {@link FlowLayout} would report one row and cut the rest off).
   */
  @Override
  public Dimension getPreferredSize() {
    Dimension one = super.getPreferredSize();
    int width = getParent() == null ? 0 : getParent().getWidth();
    if (width <= 0 || one.width <= width) {
      return one;
    }
    FlowLayout flow = (FlowLayout) getLayout();
    Insets in = getInsets();
    int max = width - in.left - in.right - flow.getHgap();
    int x = 0;
    int rowHeight = 0;
    int height = flow.getVgap();
    for (Component c : getComponents()) {
      if (!c.isVisible()) {
        continue;
      }
      Dimension d = c.getPreferredSize();
      if (x > 0 && x + d.width > max) {
        height += rowHeight + flow.getVgap();
        x = 0;
        rowHeight = 0;
      }
      x += d.width + flow.getHgap();
      rowHeight = Math.max(rowHeight, d.height);
    }
    height += rowHeight + flow.getVgap();
    return new Dimension(width, height + in.top + in.bottom);
  }

  /** The button for {@code c}. */
  AbstractButton button(Control c) {
    return buttons.get(c);
  }

  /** Shows the state of the call: mute, camera, speaker; video buttons only for video calls. */
  void update(CallItem item) {
    icon(Control.MUTE, item.microphoneMuted() ? ControlIcon.Glyph.MIC_OFF : ControlIcon.Glyph.MIC);
    icon(Control.CAMERA, item.uploadVideoSelf() ? ControlIcon.Glyph.CAMERA : ControlIcon.Glyph.CAMERA_OFF);
    icon(Control.SPEAKER, item.speakerMuted() ? ControlIcon.Glyph.SPEAKER_OFF : ControlIcon.Glyph.SPEAKER);
    set(Control.MUTE, item.microphoneMuted(), item.microphoneMuted() ? "Unmute" : "Mute",
        item.microphoneMuted() ? "Your microphone is off" : "Turn your microphone off");
    boolean cameraOff = !item.uploadVideoSelf();
    set(Control.CAMERA, cameraOff, cameraOff ? "Start video" : "Stop video",
        cameraOff ? "Your camera is off" : "Turn your camera off");
    set(Control.SPEAKER, item.speakerMuted(), item.speakerMuted() ? "Sound on" : "Sound off",
        item.speakerMuted() ? "You do not hear the call" : "Silence the call's sound");
    buttons.get(Control.CAMERA).setEnabled(item.video() && item.isActive());
    buttons.get(Control.SWITCH_CAMERA).setEnabled(item.video() && item.isActive());
    buttons.get(Control.RENDER_MODE).setEnabled(item.video());
    boolean ringingOut = item.direction() == CallDirection.OUT
        && (item.state() == CallState.INIT || item.state() == CallState.PENDING);
    buttons.get(Control.HANG_UP).setText(ringingOut ? "Cancel" : "Hang up");
  }

  /** Shows how the peer's video is fitted: Fit, Fill or Auto. */
  void setRenderMode(RenderMode mode) {
    AbstractButton b = buttons.get(Control.RENDER_MODE);
    b.setText(modeName(mode));
    b.setToolTipText("Video: " + switch (mode) {
      case FULL_CONTENT -> "whole picture (click for Fill)";
      case FULL_SCREEN -> "fills the window, edges cropped (click for Auto)";
      case AUTO -> "crops a little, letterboxes otherwise (click for Fit)";
    });
  }

  void setFullScreen(boolean on) {
    buttons.get(Control.FULL_SCREEN).setSelected(on);
    buttons.get(Control.FULL_SCREEN).setText(on ? "Exit full screen" : "Full screen");
  }

  /** Shows whether the chat and statistics panels are open, and unread messages on Chat. */
  void setPanels(boolean chat, boolean stats, int unread) {
    buttons.get(Control.CHAT).setSelected(chat);
    buttons.get(Control.CHAT).setText(unread > 0 ? "Chat (" + unread + ")" : "Chat");
    buttons.get(Control.CHAT).setToolTipText(
        unread > 0 ? unread + " unread message" + (unread == 1 ? "" : "s") : "In-call chat");
    buttons.get(Control.STATS).setSelected(stats);
    buttons.get(Control.STATS).setText("Statistics");
  }

  /** The next mode in the button's cycle Fit → Fill → Auto → Fit. */
  static RenderMode next(RenderMode mode) {
    return switch (mode) {
      case FULL_CONTENT -> RenderMode.FULL_SCREEN;
      case FULL_SCREEN -> RenderMode.AUTO;
      case AUTO -> RenderMode.FULL_CONTENT;
    };
  }

  static String modeName(RenderMode mode) {
    return switch (mode) {
      case FULL_CONTENT -> "Fit";
      case FULL_SCREEN -> "Fill";
      case AUTO -> "Auto";
    };
  }

  private void icon(Control c, ControlIcon.Glyph glyph) {
    AbstractButton b = buttons.get(c);
    if (!(b.getIcon() instanceof ControlIcon i) || i.glyph() != glyph) {
      b.setIcon(new ControlIcon(glyph));
    }
  }

  private void set(Control c, boolean selected, String text, String tip) {
    AbstractButton b = buttons.get(c);
    b.setSelected(selected);
    b.setText(text);
    b.setToolTipText(tip);
  }
}
