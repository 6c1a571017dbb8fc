package org.parley.sdk.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.RenderMode;
import org.parley.sdk.event.SdkEventThread;
import org.parley.sdk.media.MediaOptions;

/** The real native preview into a pixel buffer (headless): the test pattern's stamp reads back. */
class MediaDevicePreviewTest {
  @Test
  void previewDrawsTheTestPatternAndReportsTheFirstFrameOnTheEventThread() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    try (SdkEventThread events = new SdkEventThread("sdk-preview-test");
        MediaDevice device = new MediaDevice(new NativeDeviceLister(), events, new MediaOptions(),
            MediaDevice.TEST_PATTERN, 3_000)) {
      assertTrue(device.cameras().stream().anyMatch(d -> d.id().equals(MediaDevice.TEST_PATTERN)));
      assertTrue(device.microphones().stream().anyMatch(d -> d.id().equals("tone:440")));
      device.setCameraProperty(new CameraProperty(320, 240, 15));
      device.setCallback(new MediaDeviceCallback() {
        @Override
        public void onPreviewFirstFrame(int width, int height) {
          thread.set(Thread.currentThread().getName());
          first.countDown();
        }
      });
      VideoCanvas canvas = device.startPreview(0, RenderMode.FULL_CONTENT);
      canvas.setPixelBufferSize(320, 240);
      assertTrue(first.await(20, TimeUnit.SECONDS), "first frame");
      assertEquals("sdk-preview-test", thread.get());
      byte[] bgra = new byte[320 * 240 * 4];
      boolean stamped = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!stamped && System.nanoTime() < deadline) {
        if (canvas.copyPixels(bgra) > 0) {
          try (ParleyCore.TestPatternStamp s = ParleyCore.readTestPatternStamp(bgra, 320, 240, 320 * 4)) {
            stamped = s.valid();
          }
        }
        Thread.sleep(30);
      }
      assertTrue(stamped, "the stamped test pattern is drawn");
      device.stopPreview();
      assertEquals(0, canvas.copyPixels(bgra), "a stopped canvas copies nothing");
    }
  }
}
