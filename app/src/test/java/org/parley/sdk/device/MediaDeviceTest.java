package org.parley.sdk.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.media.video.VideoSource;
import org.parley.sdk.event.FakeScheduler;
import org.parley.sdk.media.MediaOptions;

/** Device lists, change detection by polling, and camera switching, with a fake lister. */
class MediaDeviceTest {
  private final Map<DeviceKind, List<DeviceInfo>> present = new EnumMap<>(DeviceKind.class);
  private final List<String> events = new ArrayList<>();
  private final List<VideoSource> sink = new ArrayList<>();
  private FakeScheduler scheduler;
  private MediaOptions options;
  private MediaDevice device;

  private static DeviceInfo cam(String id) {
    return new DeviceInfo(DeviceKind.CAMERA, id, "Camera " + id);
  }

  @BeforeEach
  void setUp() {
    present.put(DeviceKind.CAMERA, List.of(cam("0"), cam("1"), cam(MediaDevice.TEST_PATTERN)));
    present.put(DeviceKind.MICROPHONE, List.of(new DeviceInfo(DeviceKind.MICROPHONE, "tone:440", "Tone")));
    present.put(DeviceKind.SPEAKER, List.of(new DeviceInfo(DeviceKind.SPEAKER, "null", "None")));
    scheduler = new FakeScheduler();
    options = new MediaOptions();
    device = new MediaDevice(kind -> present.get(kind), scheduler, options, null, 3_000);
    device.setCallback(new MediaDeviceCallback() {
      @Override
      public void onCameraUpdate() {
        events.add("camera " + device.currentCameraId());
      }

      @Override
      public void onDeviceListChanged(DeviceKind kind) {
        events.add("list " + kind);
      }
    });
    device.setCameraSink(sink::add);
  }

  @Test
  void startsOnTheFirstCameraAndCyclesThroughThem() {
    assertEquals("0", device.currentCameraId());
    assertEquals("Camera 0", device.currentCamera().name());
    device.switchCamera();
    device.switchCamera();
    device.switchCamera();
    scheduler.runPending();
    assertEquals(3, events.size(), events.toString());
    assertEquals(List.of(VideoSource.Kind.CAMERA, VideoSource.Kind.TEST_PATTERN, VideoSource.Kind.CAMERA),
        sink.stream().map(VideoSource::kind).toList());
    assertEquals(List.of(1, 0, 0), sink.stream().map(VideoSource::cameraId).toList());
    assertEquals("0", device.currentCameraId());
    assertEquals(3, sink.size(), "running calls follow every switch");
    assertEquals(VideoSource.Kind.TEST_PATTERN, sink.get(1).kind());
  }

  @Test
  void cameraPropertyShapesTheSource() {
    device.setCameraProperty(new CameraProperty(320, 240, 15));
    VideoSource s = device.currentVideoSource();
    assertEquals(VideoSource.Kind.CAMERA, s.kind());
    assertEquals(320, s.width());
    assertEquals(15, s.fps());
    assertEquals(VideoSource.Kind.FILE, MediaDevice.sourceOf("file:/tmp/x.y4m", CameraProperty.defaults()).kind());
    assertThrows(IllegalArgumentException.class, () -> device.switchCamera("front"));
    assertThrows(IllegalArgumentException.class, () -> new CameraProperty(321, 240, 15));
  }

  @Test
  void pollingReportsChangedListsOnly() {
    device.startPolling();
    scheduler.advance(3_000);
    assertTrue(events.isEmpty(), events.toString());
    present.put(DeviceKind.MICROPHONE, List.of(
        new DeviceInfo(DeviceKind.MICROPHONE, "tone:440", "Tone"),
        new DeviceInfo(DeviceKind.MICROPHONE, "hw:1", "USB mic")));
    scheduler.advance(3_000);
    assertEquals(List.of("list MICROPHONE"), events);
    assertEquals(2, device.microphones().size());
    scheduler.advance(3_000);
    assertEquals(1, events.size(), "no change, no event");
  }

  @Test
  void losingTheCurrentCameraMovesToAnother() {
    device.switchCamera("1");
    scheduler.runPending();
    events.clear();
    device.startPolling();
    present.put(DeviceKind.CAMERA, List.of(cam("0"), cam(MediaDevice.TEST_PATTERN)));
    scheduler.advance(3_000);
    assertEquals(List.of("list CAMERA", "camera 0"), events);
    assertEquals("0", device.currentCameraId());
  }

  @Test
  void audioChoicesGoToTheCallOptions() {
    device.setMicrophone("tone:440");
    device.setSpeaker("null");
    assertEquals("tone:440", options.microphone());
    assertEquals("null", options.speaker());
  }

  @Test
  void closeStopsPolling() {
    device.startPolling();
    device.close();
    present.put(DeviceKind.SPEAKER, List.of());
    scheduler.advance(10_000);
    assertTrue(events.isEmpty());
  }
}
