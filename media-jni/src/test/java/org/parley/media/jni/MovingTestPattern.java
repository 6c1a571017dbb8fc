package org.parley.media.jni;

/**
 * Test support: packed I420 frames of a moving picture (drifting gradients and a travelling bright
 * square), so consecutive frames differ the way camera motion does.
 */
final class MovingTestPattern {
  private final int width;
  private final int height;

  MovingTestPattern(int width, int height) {
    this.width = width;
    this.height = height;
  }

  int frameSize() {
    return width * height * 3 / 2;
  }

  byte[] frame(int index) {
    byte[] frame = new byte[frameSize()];
    int box = height / 4;
    int boxX = (index * 9) % (width - box);
    int boxY = (index * 5) % (height - box);
    for (int row = 0; row < height; row++) {
      for (int col = 0; col < width; col++) {
        boolean inBox = col >= boxX && col < boxX + box && row >= boxY && row < boxY + box;
        frame[row * width + col] = (byte) (inBox ? 235 : 16 + (col + row + index * 4) % 200);
      }
    }
    int chromaWidth = width / 2;
    int chromaHeight = height / 2;
    int u = width * height;
    int v = u + chromaWidth * chromaHeight;
    for (int row = 0; row < chromaHeight; row++) {
      for (int col = 0; col < chromaWidth; col++) {
        frame[u + row * chromaWidth + col] = (byte) (64 + (col * 128 / chromaWidth + index) % 128);
        frame[v + row * chromaWidth + col] = (byte) (64 + (row * 128 / chromaHeight + index) % 128);
      }
    }
    return frame;
  }

  /** Peak signal-to-noise ratio in dB over all planes (infinite when identical). */
  static double psnr(byte[] a, byte[] b, int length) {
    double squaredError = 0;
    for (int i = 0; i < length; i++) {
      double d = (a[i] & 0xff) - (b[i] & 0xff);
      squaredError += d * d;
    }
    if (squaredError == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return 10 * Math.log10(255.0 * 255.0 / (squaredError / length));
  }
}
