package org.parley.app.ui.call;

/**
 * A pixel-buffer view of a call: pictures in BGRA, {@code width * height * 4} bytes. Any thread.
 */
interface PixelSource {
  /** The size pictures are drawn at from now on. */
  void setPixelBufferSize(int width, int height);

  /** Copies the latest picture into {@code bgra}; 0 when there is nothing new. */
  int copyPixels(byte[] bgra);
}
