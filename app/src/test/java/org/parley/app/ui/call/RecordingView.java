package org.parley.app.ui.call;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.media.video.RenderMode;

/** A video view that records what it was asked and serves one fixed BGRA picture. */
final class RecordingView implements VideoView {
  private final List<String> calls = new ArrayList<>();
  private byte[] picture;

  /** Serves {@code bgra} on the next {@link #copyPixels} (once). */
  synchronized void offer(byte[] bgra) {
    picture = bgra;
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized void start(long handle, RenderMode mode) {
    calls.add("start " + (handle == 0 ? "buffer" : "window") + " " + mode + (handle == 0 ? "" : " " + handle));
  }

  @Override
  public synchronized void stop() {
    calls.add("stop");
  }

  @Override
  public synchronized void setPixelBufferSize(int width, int height) {
    calls.add("size " + width + "x" + height);
  }

  @Override
  public synchronized int copyPixels(byte[] bgra) {
    if (picture == null) {
      return 0;
    }
    System.arraycopy(picture, 0, bgra, 0, Math.min(picture.length, bgra.length));
    int n = picture.length;
    picture = null;
    return n;
  }

  @Override
  public synchronized String toString() {
    return Arrays.toString(calls.toArray());
  }
}
