package org.parley.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.events.MediaEvent;
import org.parley.media.events.RecordedEvents;
import org.parley.media.jni.ParleyCore;

/** The preview's pixel-buffer path (macOS, headless): no window, pictures copied out. */
class VideoPreviewPixelBufferTest {
  private final RecordedEvents events = new RecordedEvents();

  @Test
  void testPatternIsDrawnIntoThePixelBufferWithItsStamp() throws Exception {
    int width = 320;
    int height = 240;
    try (VideoPreview preview = new VideoPreview(events)) {
      preview.setPixelBufferSize(width, height);
      preview.start(VideoSource.testPattern(width, height, 30), 0, RenderMode.FULL_CONTENT);
      MediaEvent first = events.next(MediaEvent.Type.FIRST_FRAME_RENDERED);
      assertEquals(width, first.width());
      assertEquals(height, first.height());

      byte[] bgra = new byte[width * height * 4];
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      int copied = 0;
      while (copied == 0 && System.nanoTime() < deadline) {
        copied = preview.copyPixels(bgra);
        Thread.sleep(10);
      }
      assertEquals(bgra.length, copied);
      try (ParleyCore.TestPatternStamp stamp =
          ParleyCore.readTestPatternStamp(bgra, width, height, width * 4)) {
        assertTrue(stamp.valid(), "the drawn picture carries the pattern's stamp");
        assertTrue(stamp.sequence() >= 0);
      }
    }
  }

  @Test
  void switchingSourceWhileRunningChangesTheSize() throws Exception {
    try (VideoPreview preview = new VideoPreview(events)) {
      preview.setPixelBufferSize(320, 240);
      preview.start(VideoSource.testPattern(320, 240, 30), 0, RenderMode.AUTO);
      events.next(MediaEvent.Type.FIRST_FRAME_RENDERED);
      preview.switchSource(VideoSource.testPattern(640, 360, 30));
      MediaEvent changed = events.next(MediaEvent.Type.VIDEO_SIZE_CHANGED);
      assertEquals(640, changed.width());
      assertEquals(360, changed.height());
      long rendered = preview.framesRendered();
      Thread.sleep(200);
      assertTrue(preview.framesRendered() > rendered, "frames keep coming after the switch");
    }
  }

  @Test
  void y4mFileIsPlayedAndLooped(@TempDir Path dir) throws Exception {
    // 4 frames of 64x48 4:2:0, each a different grey; played at 30 fps it loops several times.
    Path clip = dir.resolve("clip.y4m");
    try (OutputStream out = Files.newOutputStream(clip)) {
      out.write("YUV4MPEG2 W64 H48 F30:1 Ip A1:1 C420jpeg\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 4; i++) {
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        byte[] planes = new byte[64 * 48 * 3 / 2];
        java.util.Arrays.fill(planes, 0, 64 * 48, (byte) (40 + 50 * i));
        java.util.Arrays.fill(planes, 64 * 48, planes.length, (byte) 128);
        out.write(planes);
      }
    }
    try (VideoPreview preview = new VideoPreview(events)) {
      preview.setPixelBufferSize(64, 48);
      preview.start(VideoSource.file(clip.toString(), 30), 0, RenderMode.FULL_CONTENT);
      MediaEvent started = events.next(MediaEvent.Type.CAPTURE_STARTED);
      assertEquals(64, started.width());
      assertEquals(48, started.height());
      events.next(MediaEvent.Type.FIRST_FRAME_RENDERED);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (preview.framesCaptured() < 10 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(preview.framesCaptured() >= 10, "the 4-frame clip loops");
    }
  }

  @Test
  void missingCameraIsAClearErrorNotACrash() {
    try (VideoPreview preview = new VideoPreview(events)) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> preview.start(VideoSource.camera(57, 640, 480, 30), 0, RenderMode.AUTO));
      assertTrue(e.getMessage().toLowerCase().contains("camera"), e.getMessage());
    }
  }

  @Test
  void missingFileIsAClearError() {
    try (VideoPreview preview = new VideoPreview(events)) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  preview.start(
                      VideoSource.file("/nonexistent/clip.y4m", 30), 0, RenderMode.AUTO));
      assertTrue(e.getMessage().contains("clip.y4m"), e.getMessage());
    }
  }

  @Test
  void camerasCanBeListedEvenWhenThereAreNone() {
    for (CameraDevice camera : Cameras.list()) {
      assertTrue(camera.id() >= 0);
      assertTrue(!camera.name().isEmpty());
    }
  }
}
