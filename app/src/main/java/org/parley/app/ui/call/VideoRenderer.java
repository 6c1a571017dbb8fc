package org.parley.app.ui.call;

import org.parley.media.video.RenderMode;

/**
 * One video view of a call as the window sees it: start drawing into a native window handle (0
 * for a pixel buffer) and stop. Calls return at once; the SDK applies them later. Used on the
 * Swing event thread.
 */
interface VideoRenderer {
  /** (Re)starts the view into {@code handle} (0: the pixel buffer of {@link PixelSource}). */
  void start(long handle, RenderMode mode);

  /** Stops drawing (before the window behind the handle goes away). */
  void stop();
}
