package org.parley.media.video;

import org.parley.media.jni.ParleyCore;

/** How a picture fits a window whose shape differs from the picture's. */
public enum RenderMode {
  /** The whole picture, with black bars (letterbox). */
  FULL_CONTENT(ParleyCore.RENDER_FULL_CONTENT),
  /** Fill the window, cropping what does not fit. */
  FULL_SCREEN(ParleyCore.RENDER_FULL_SCREEN),
  /** Crop when little of the picture is lost, letterbox otherwise. */
  AUTO(ParleyCore.RENDER_AUTO);

  /** The facade's render-mode code. */
  public final int code;

  RenderMode(int code) {
    this.code = code;
  }
}
