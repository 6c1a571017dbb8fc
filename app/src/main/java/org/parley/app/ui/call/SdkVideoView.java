package org.parley.app.ui.call;

import java.util.Objects;
import org.parley.media.call.CallMedia;
import org.parley.media.video.RenderMode;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallManager;

/**
 * One view ({@link CallMedia.View#SELF} or {@link CallMedia.View#OTHER}) of one call, driven
 * through the SDK's {@link CallManager}. Actions on a call that has ended are ignored by the SDK.
 */
final class SdkVideoView implements VideoView {
  private final CallManager calls;
  private final CallItem item;
  private final CallMedia.View view;

  SdkVideoView(CallManager calls, CallItem item, CallMedia.View view) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.item = Objects.requireNonNull(item, "item");
    this.view = Objects.requireNonNull(view, "view");
  }

  @Override
  public void start(long handle, RenderMode mode) {
    calls.startVideo(item, view, handle, mode);
  }

  @Override
  public void stop() {
    calls.stopVideo(item, view);
  }

  @Override
  public void setPixelBufferSize(int width, int height) {
    calls.setPixelBufferSize(item, view, width, height);
  }

  @Override
  public int copyPixels(byte[] bgra) {
    return calls.copyPixels(item, view, bgra);
  }
}
