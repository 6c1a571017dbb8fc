package org.parley.sdk.device;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.parley.media.events.MediaEvent;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoPreview;
import org.parley.media.video.VideoSource;
import org.parley.sdk.event.SdkScheduler;
import org.parley.sdk.media.MediaOptions;

/**
 * Cameras, microphones and speakers (the seeds' JCMediaDevice): the device lists, the current
 * camera and its {@link CameraProperty}, switching cameras (also mid-call), choosing the audio
 * devices for the next calls, and a local preview.
 *
 * <p>The lists are polled every {@code pollMs} on the SDK event thread and compared with the
 * previous ones: a change raises {@link MediaDeviceCallback#onDeviceListChanged}, and losing the
 * current camera switches to the first one left (with {@link MediaDeviceCallback#onCameraUpdate}).
 * Public methods may be called from any thread; callbacks run on the SDK event thread.
 */
public final class MediaDevice implements AutoCloseable {
  /** The id of the test-pattern stand-in camera (stamped frames; works without a camera). */
  public static final String TEST_PATTERN = "test-pattern";
  private static final String FILE_PREFIX = "file:";
  private static final System.Logger LOG = System.getLogger(MediaDevice.class.getName());

  private final DeviceLister lister;
  private final SdkScheduler scheduler;
  private final MediaOptions options;
  private final long pollMs;
  private volatile MediaDeviceCallback callback = new MediaDeviceCallback() {};
  private volatile Consumer<VideoSource> cameraSink = source -> {};

  private final Map<DeviceKind, List<DeviceInfo>> lists = new EnumMap<>(DeviceKind.class);
  private volatile String cameraId;
  private volatile CameraProperty property = CameraProperty.defaults();
  private VideoCanvas preview;
  private SdkScheduler.Cancellable pollTimer;
  private boolean closed;

  /**
   * Lists the devices once now; {@link #startPolling()} starts watching them.
   *
   * @param options where the chosen microphone and speaker go (read by each new call)
   * @param cameraId the camera to start with: an index, {@value #TEST_PATTERN}, {@code
   *     file:<path>}, or null for the first listed
   */
  public MediaDevice(DeviceLister lister, SdkScheduler scheduler, MediaOptions options, String cameraId, long pollMs) {
    this.lister = Objects.requireNonNull(lister, "lister");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.options = Objects.requireNonNull(options, "options");
    this.pollMs = pollMs;
    for (DeviceKind kind : DeviceKind.values()) {
      lists.put(kind, safeList(kind));
    }
    List<DeviceInfo> cameras = lists.get(DeviceKind.CAMERA);
    this.cameraId = cameraId != null ? cameraId : cameras.isEmpty() ? TEST_PATTERN : cameras.get(0).id();
  }

  public void setCallback(MediaDeviceCallback callback) {
    this.callback = callback == null ? new MediaDeviceCallback() {} : callback;
  }

  /** Where a camera switch goes besides the preview (the call manager, for running calls). */
  public void setCameraSink(Consumer<VideoSource> sink) {
    this.cameraSink = sink == null ? s -> {} : sink;
  }

  public synchronized List<DeviceInfo> cameras() {
    return lists.get(DeviceKind.CAMERA);
  }

  public synchronized List<DeviceInfo> microphones() {
    return lists.get(DeviceKind.MICROPHONE);
  }

  public synchronized List<DeviceInfo> speakers() {
    return lists.get(DeviceKind.SPEAKER);
  }

  /** The current camera's id. */
  public String currentCameraId() {
    return cameraId;
  }

  /** The current camera as listed, or null when it is not in the list (a file source). */
  public synchronized DeviceInfo currentCamera() {
    for (DeviceInfo d : lists.get(DeviceKind.CAMERA)) {
      if (d.id().equals(cameraId)) {
        return d;
      }
    }
    return null;
  }

  public CameraProperty cameraProperty() {
    return property;
  }

  /** The size and rate asked of cameras from the next start (preview or call) on. */
  public void setCameraProperty(CameraProperty value) {
    property = Objects.requireNonNull(value);
  }

  /** The source the current camera and property stand for (what calls and preview open). */
  public VideoSource currentVideoSource() {
    return sourceOf(cameraId, property);
  }

  /** The source for a device id. */
  static VideoSource sourceOf(String id, CameraProperty p) {
    if (id.equals(TEST_PATTERN)) {
      return VideoSource.testPattern(p.width(), p.height(), p.fps());
    }
    if (id.startsWith(FILE_PREFIX)) {
      return VideoSource.file(id.substring(FILE_PREFIX.length()), p.fps());
    }
    try {
      return VideoSource.camera(Integer.parseInt(id), p.width(), p.height(), p.fps());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a camera id: " + id, e);
    }
  }

  /** Switches to the next camera in the list (wrapping round). */
  public void switchCamera() {
    List<DeviceInfo> cameras = cameras();
    if (cameras.isEmpty()) {
      return;
    }
    int at = 0;
    for (int i = 0; i < cameras.size(); i++) {
      if (cameras.get(i).id().equals(cameraId)) {
        at = (i + 1) % cameras.size();
      }
    }
    switchCamera(cameras.get(at).id());
  }

  /**
   * Switches to camera {@code id}: the preview and running calls move to it, and {@link
   * MediaDeviceCallback#onCameraUpdate} follows.
   *
   * @throws IllegalArgumentException for an id that names no source
   */
  public void switchCamera(String id) {
    VideoSource source = sourceOf(id, property);
    cameraId = id;
    scheduler.execute(() -> {
      VideoCanvas canvas = preview;
      if (canvas != null) {
        try {
          canvas.preview().switchSource(source);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "preview could not switch camera: " + e.getMessage());
        }
      }
      cameraSink.accept(source);
      notifyApp(() -> callback.onCameraUpdate());
    });
  }

  public String microphone() {
    return options.microphone();
  }

  /** The microphone for the next calls. */
  public void setMicrophone(String id) {
    options.microphone(id);
  }

  /** Caps the send bitrate of the next calls at {@code kbps} (0: automatic, the defaults). */
  public void setMaxBitrateKbps(int kbps) {
    options.maxBitrateKbps(kbps);
  }

  /**
   * Opens {@code microphoneId} (an id from {@link #microphones()}, {@code "default"}, or a
   * stand-in such as {@code "tone:440"}) only to measure its level, for a meter. Blocks while the
   * device opens (keep it off the UI thread); the caller must close the result.
   *
   * @throws IllegalStateException with a plain reason when the microphone cannot be opened
   */
  public MicrophoneLevel openMicrophoneLevel(String microphoneId) {
    Objects.requireNonNull(microphoneId, "microphoneId");
    return NativeMicrophoneLevel.open(microphoneId.isEmpty() ? "default" : microphoneId);
  }

  public String speaker() {
    return options.speaker();
  }

  /** The speaker for the next calls. */
  public void setSpeaker(String id) {
    options.speaker(id);
  }

  /**
   * Starts (or restarts) the preview of the current camera into a native window ({@code handle}
   * from {@code NativeWindow.handleOf}) or, with 0, a pixel buffer read through the canvas.
   *
   * @throws IllegalStateException when the camera or window cannot be used, with the reason
   */
  public synchronized VideoCanvas startPreview(long handle, RenderMode mode) {
    stopPreview();
    VideoPreview p = new VideoPreview(e -> scheduler.execute(() -> onPreviewEvent(e)));
    try {
      p.start(currentVideoSource(), handle, mode);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    preview = new VideoCanvas(p);
    return preview;
  }

  public synchronized void stopPreview() {
    if (preview != null) {
      preview.stop();
      preview = null;
    }
  }

  private void onPreviewEvent(MediaEvent e) {
    switch (e.type()) {
      case FIRST_FRAME_RENDERED -> notifyApp(() -> callback.onPreviewFirstFrame(e.width(), e.height()));
      case VIDEO_SIZE_CHANGED -> notifyApp(() -> callback.onPreviewSizeChanged(e.width(), e.height()));
      case CAPTURE_ERROR, RENDER_ERROR -> notifyApp(() -> callback.onPreviewError(e.message()));
      default -> { }
    }
  }

  /** Starts watching the device lists. */
  public synchronized void startPolling() {
    if (pollTimer == null && !closed) {
      pollTimer = scheduler.schedule(this::poll, pollMs);
    }
  }

  /** One round of listing and comparing (on the event thread). */
  void poll() {
    List<DeviceKind> changed = new ArrayList<>();
    boolean cameraGone;
    synchronized (this) {
      pollTimer = null;
      if (closed) {
        return;
      }
      for (DeviceKind kind : DeviceKind.values()) {
        List<DeviceInfo> now = safeList(kind);
        if (!now.equals(lists.get(kind))) {
          lists.put(kind, now);
          changed.add(kind);
        }
      }
      cameraGone = changed.contains(DeviceKind.CAMERA) && !cameraId.startsWith(FILE_PREFIX)
          && lists.get(DeviceKind.CAMERA).stream().noneMatch(d -> d.id().equals(cameraId));
      pollTimer = scheduler.schedule(this::poll, pollMs);
    }
    for (DeviceKind kind : changed) {
      notifyApp(() -> callback.onDeviceListChanged(kind));
    }
    if (cameraGone) {
      List<DeviceInfo> cameras = cameras();
      switchCamera(cameras.isEmpty() ? TEST_PATTERN : cameras.get(0).id());
    }
  }

  private List<DeviceInfo> safeList(DeviceKind kind) {
    try {
      return List.copyOf(lister.list(kind));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "listing " + kind + " failed: " + e.getMessage());
      return lists.getOrDefault(kind, List.of());
    }
  }

  private void notifyApp(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "a media device callback threw", e);
    }
  }

  /** Stops polling and the preview. */
  @Override
  public synchronized void close() {
    closed = true;
    if (pollTimer != null) {
      pollTimer.cancel();
      pollTimer = null;
    }
    stopPreview();
  }
}
