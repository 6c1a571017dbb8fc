package org.parley.media.jni;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.javacpp.annotation.ByRef;
import org.bytedeco.javacpp.annotation.ByVal;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.MemberGetter;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.NoOffset;
import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Raw;
import org.bytedeco.javacpp.annotation.StdString;

/**
 * JavaCPP binding of the native core's facade, {@code native/include/parley/parley.h}, and
 * nothing else. Each declaration here mirrors one in that header; change both together and bump
 * {@code PARLEY_API_VERSION} and {@link ApiVersion#EXPECTED}.
 *
 * <p>Loading is done by {@link NativeLibrary} (the preloaded libraries, the core and its JNI
 * library, then the API version check); touching any class here triggers it. A failed
 * load surfaces as {@link UnsatisfiedLinkError}, a version mismatch as {@link
 * NativeApiMismatchException}.
 *
 * <p>Threading: an encoder or decoder object must be used by one thread at a time; distinct
 * objects may be used concurrently. Objects own native memory: close them (try-with-resources).
 */
@Platform(
    include = "parley/parley.h",
    link = "parley_core",
    // Dependencies of libparley_core, in load order; copyLibs puts them in the jar beside it.
    // OpenCV's and OpenBLAS's come from bytedeco's platform jars (see media-jni/pom.xml).
    preload = {
      "quadmath@.0", "gfortran@.5", "openblas@.0",
      "opencv_core@.410", "opencv_imgproc@.410", "opencv_imgcodecs@.410", "opencv_videoio@.410",
      "vpx@.7", "opus@.0", "jpeg@.62", "yuv@.0",
      // libsrtp2 and the NSS libraries Debian builds it against. NSS loads its softoken
      // (softokn3, then freeblpriv3) at run time from the folder libnss3 was loaded from,
      // which is why they are listed too: they must sit in the same cache folder.
      "nspr4", "plc4", "plds4", "nssutil3", "nss3", "freeblpriv3", "sqlite3@.0", "softokn3",
      "srtp2@.1",
      // PortAudio and its JACK client library (libasound is the system's, as on every
      // Linux desktop).
      "db-5.3", "jack@.0", "portaudio@.2"
    },
    compiler = "cpp17")
public final class ParleyCore {
  // The JVM runs this once, under its class-initialisation lock: that is what makes loading
  // thread-safe. The nested classes call ensureLoaded() to get here first.
  static {
    NativeLibrary.loadNatives();
  }

  private ParleyCore() {}

  /** Does nothing, but running it first runs the loading above (once). */
  static void ensureLoaded() {}

  /** {@code PARLEY_API_VERSION} as the JNI library saw it when it was compiled. */
  @MemberGetter
  @Name("PARLEY_API_VERSION")
  public static native int headerApiVersion();

  /** {@code PARLEY_API_VERSION} the core library itself was compiled with. */
  @Name("parley::apiVersion")
  public static native int apiVersion();

  /** The core's version (the Maven project version it was built as). */
  @Name("parley::coreVersion")
  public static native String coreVersion();

  /** libvpx's own run-time version string, e.g. {@code v1.12.0}. */
  @Name("parley::vpxVersion")
  public static native String vpxVersion();

  /** libopus's own run-time version string, e.g. {@code libopus 1.3.1}. */
  @Name("parley::opusVersion")
  public static native String opusVersion();

  /** OpenCV's run-time version string, e.g. {@code 4.10.0}. */
  @Name("parley::opencvVersion")
  public static native String opencvVersion();

  @Name("parley::srtpVersion")
  public static native String srtpVersion();

  @Name("parley::portAudioVersion")
  public static native String portAudioVersion();

  /** Result codes of {@code parley::ResultCode}. */
  public static final int OK = 0;

  public static final int ERROR_INVALID_ARGUMENT = -1;
  public static final int ERROR_BUFFER_TOO_SMALL = -2;
  public static final int ERROR_CODEC = -3;
  public static final int ERROR_CORRUPT_FRAME = -4;

  /** {@code parley::Vp8EncoderConfig}: settings of a VP8 encoder, with low-latency defaults. */
  @Name("parley::Vp8EncoderConfig")
  public static final class Vp8EncoderConfig extends Pointer {
    static {
      ensureLoaded();
    }

    public Vp8EncoderConfig() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    public native int width();

    public native Vp8EncoderConfig width(int value);

    public native int height();

    public native Vp8EncoderConfig height(int value);

    public native int fps();

    public native Vp8EncoderConfig fps(int value);

    public native int bitrateKbps();

    public native Vp8EncoderConfig bitrateKbps(int value);

    /** libvpx VP8E_SET_CPUUSED; negative values fix the speed (low latency). */
    public native int speed();

    public native Vp8EncoderConfig speed(int value);

    public native int threads();

    public native Vp8EncoderConfig threads(int value);

    public native int keyframeInterval();

    public native Vp8EncoderConfig keyframeInterval(int value);

    @Cast("bool")
    public native boolean errorResilient();

    public native Vp8EncoderConfig errorResilient(boolean value);
  }

  /**
   * {@code parley::Vp8Encoder}: encodes packed I420 frames in realtime mode. The constructor
   * throws {@link RuntimeException} with libvpx's reason when the settings are rejected.
   */
  @Name("parley::Vp8Encoder")
  @NoOffset
  public static final class Vp8Encoder extends Pointer {
    static {
      ensureLoaded();
    }

    public Vp8Encoder(Vp8EncoderConfig config) {
      super((Pointer) null);
      allocate(config);
    }

    private native void allocate(@Const @ByRef Vp8EncoderConfig config);

    /**
     * Encodes one frame into {@code out}; returns the frame's size, 0 if libvpx dropped it, or a
     * negative result code.
     */
    public native int encode(
        @Cast("const uint8_t*") byte[] i420,
        int i420Size,
        @Cast("int64_t") long ptsMs,
        @Cast("bool") boolean forceKeyframe,
        @Cast("uint8_t*") byte[] out,
        int outCapacity);

    /** As {@link #encode(byte[], int, long, boolean, byte[], int)}, on native memory. */
    public native int encode(
        @Cast("const uint8_t*") BytePointer i420,
        int i420Size,
        @Cast("int64_t") long ptsMs,
        @Cast("bool") boolean forceKeyframe,
        @Cast("uint8_t*") BytePointer out,
        int outCapacity);

    @Cast("bool")
    public native boolean lastFrameKeyframe();

    /** Changes bitrate and frame rate mid-stream; returns a result code. */
    public native int setRates(int bitrateKbps, int fps);
  }

  /**
   * {@code parley::Vp8Decoder}: decodes VP8 frames; a corrupt frame returns {@link
   * #ERROR_CORRUPT_FRAME} (ask the sender for a keyframe) and is never shown.
   */
  @Name("parley::Vp8Decoder")
  @NoOffset
  public static final class Vp8Decoder extends Pointer {
    static {
      ensureLoaded();
    }

    public Vp8Decoder(int threads) {
      super((Pointer) null);
      allocate(threads);
    }

    private native void allocate(int threads);

    /** Returns 1 when a picture is ready, 0 when none, or a negative result code. */
    public native int decode(@Cast("const uint8_t*") byte[] data, int size);

    public native int decode(@Cast("const uint8_t*") BytePointer data, int size);

    public native int width();

    public native int height();

    /** Copies the last picture as packed I420; returns bytes written or a result code. */
    public native int copyI420(@Cast("uint8_t*") byte[] out, int outCapacity);

    public native int copyI420(@Cast("uint8_t*") BytePointer out, int outCapacity);
  }

  /** {@code parley::OpusAudioEncoder}: Opus VoIP encoder of interleaved 16-bit PCM. */
  @Name("parley::OpusAudioEncoder")
  @NoOffset
  public static final class OpusAudioEncoder extends Pointer {
    static {
      ensureLoaded();
    }

    public OpusAudioEncoder(int sampleRate, int channels, int bitrateBps) {
      super((Pointer) null);
      allocate(sampleRate, channels, bitrateBps);
    }

    private native void allocate(int sampleRate, int channels, int bitrateBps);

    /** Encodes one frame; returns the packet size or a negative result code. */
    public native int encode(
        @Cast("const int16_t*") short[] pcm,
        int samplesPerChannel,
        @Cast("uint8_t*") byte[] out,
        int outCapacity);

    public native int encode(
        @Cast("const int16_t*") ShortPointer pcm,
        int samplesPerChannel,
        @Cast("uint8_t*") BytePointer out,
        int outCapacity);
  }

  /** {@code parley::OpusAudioDecoder}: decodes Opus; an empty packet conceals a lost frame. */
  @Name("parley::OpusAudioDecoder")
  @NoOffset
  public static final class OpusAudioDecoder extends Pointer {
    static {
      ensureLoaded();
    }

    public OpusAudioDecoder(int sampleRate, int channels) {
      super((Pointer) null);
      allocate(sampleRate, channels);
    }

    private native void allocate(int sampleRate, int channels);

    /** Returns the samples per channel decoded or a negative result code. */
    public native int decode(
        @Cast("const uint8_t*") byte[] data,
        int size,
        @Cast("int16_t*") short[] pcm,
        int maxSamplesPerChannel);

    public native int decode(
        @Cast("const uint8_t*") BytePointer data,
        int size,
        @Cast("int16_t*") ShortPointer pcm,
        int maxSamplesPerChannel);
  }

  // ------------------------------------------------------------------------------------------
  // Events

  public static final int EVENT_FIRST_FRAME_RENDERED = 1;
  public static final int EVENT_VIDEO_SIZE_CHANGED = 2;
  public static final int EVENT_CAPTURE_STARTED = 3;
  public static final int EVENT_CAPTURE_ERROR = 4;
  public static final int EVENT_RENDER_ERROR = 5;
  public static final int EVENT_MEDIA_TIMEOUT = 6;
  public static final int EVENT_REMOTE_BYE = 7;
  public static final int EVENT_AUDIO_DEVICE_LOST = 8;
  public static final int EVENT_AUDIO_DEVICE_SWITCHED = 9;
  public static final int EVENT_AUDIO_DEVICE_ERROR = 10;

  /** {@code parley::Event}: one event from a native thread; see {@link #waitEvent}. */
  @Name("parley::Event")
  public static final class Event extends Pointer {
    static {
      ensureLoaded();
    }

    public Event() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    @MemberGetter
    public native int type();

    @MemberGetter
    public native long objectId();

    @MemberGetter
    public native int width();

    @MemberGetter
    public native int height();

    @MemberGetter
    public native int value();

    @MemberGetter
    @StdString
    public native String message();
  }

  /**
   * Waits up to {@code timeoutMs} for the next native event and fills {@code event}; false on
   * timeout or after {@link #interruptEventWait()}. Meant for one SDK event thread.
   */
  @Name("parley::waitEvent")
  @Cast("bool")
  public static native boolean waitEvent(@ByRef Event event, int timeoutMs);

  @Name("parley::interruptEventWait")
  public static native void interruptEventWait();

  @Name("parley::resumeEventWait")
  public static native void resumeEventWait();

  // ------------------------------------------------------------------------------------------
  // Cameras and sources

  public static final int SOURCE_CAMERA = 0;
  public static final int SOURCE_TEST_PATTERN = 1;
  public static final int SOURCE_FILE = 2;

  /** {@code parley::CameraList}: a snapshot of the cameras present when it was made. */
  @Name("parley::CameraList")
  @NoOffset
  public static final class CameraList extends Pointer {
    static {
      ensureLoaded();
    }

    public CameraList() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    public native int size();

    public native int id(int index);

    @StdString
    public native String name(int index);

    @StdString
    public native String path(int index);
  }

  /** {@code parley::VideoSourceConfig}: which source, at what size and rate. */
  @Name("parley::VideoSourceConfig")
  public static final class VideoSourceConfig extends Pointer {
    static {
      ensureLoaded();
    }

    public VideoSourceConfig() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    public native int kind();

    public native VideoSourceConfig kind(int value);

    public native int cameraId();

    public native VideoSourceConfig cameraId(int value);

    @StdString
    public native String filePath();

    public native VideoSourceConfig filePath(@StdString String value);

    public native int width();

    public native VideoSourceConfig width(int value);

    public native int height();

    public native VideoSourceConfig height(int value);

    public native int fps();

    public native VideoSourceConfig fps(int value);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  public static final int RENDER_FULL_CONTENT = 0;
  public static final int RENDER_FULL_SCREEN = 1;
  public static final int RENDER_AUTO = 2;

  /**
   * The native window id (X11 drawable, HWND) of a displayable heavyweight component. Call on the
   * AWT event thread after loading libjawt; throws {@link RuntimeException} with the reason when
   * there is none (macOS, headless, not displayable).
   */
  @Name("parley::windowHandleOf")
  @Cast("int64_t")
  public static native long windowHandleOf(@Raw(withEnv = true) java.awt.Component component);
  // withEnv: JavaCPP passes the JNIEnv and the calling class before the component.

  /** {@code parley::VideoPreview}: a source drawn into a window or a pixel buffer. */
  @Name("parley::VideoPreview")
  @NoOffset
  public static final class VideoPreview extends Pointer {
    static {
      ensureLoaded();
    }

    public VideoPreview() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    @Cast("int64_t")
    public native long id();

    public native void start(
        @Const @ByRef VideoSourceConfig source, @Cast("int64_t") long windowHandle, int mode);

    public native void switchSource(@Const @ByRef VideoSourceConfig source);

    public native void setRenderMode(int mode);

    public native void setPixelBufferSize(int width, int height);

    public native int copyPixels(@Cast("uint8_t*") byte[] bgra, int capacity);

    @Cast("int64_t")
    public native long framesCaptured();

    @Cast("int64_t")
    public native long framesRendered();

    public native void stop();
  }

  // ------------------------------------------------------------------------------------------
  // Test-pattern stamps

  /** {@code parley::TestPatternStamp}: frame number and capture time read from a picture. */
  @Name("parley::TestPatternStamp")
  public static final class TestPatternStamp extends Pointer {
    static {
      ensureLoaded();
    }

    public TestPatternStamp() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    @MemberGetter
    @Cast("bool")
    public native boolean valid();

    @MemberGetter
    @Cast("int64_t")
    public native long sequence();

    @MemberGetter
    @Cast("int64_t")
    public native long captureTimeMs();
  }

  /** Reads the test-pattern stamp from a BGRA picture; see {@code parley.h}. */
  @Name("parley::readTestPatternStamp")
  @ByVal
  public static native TestPatternStamp readTestPatternStamp(
      @Cast("const uint8_t*") byte[] bgra, int width, int height, int strideBytes);

  // ------------------------------------------------------------------------------------------
  // Audio devices

  public static final int AUDIO_DIRECTION_INPUT = 0;
  public static final int AUDIO_DIRECTION_OUTPUT = 1;

  /**
   * {@code parley::AudioDeviceList}: a snapshot of one direction's sound devices; entry 0 is
   * always the "default" pseudo-device.
   */
  @Name("parley::AudioDeviceList")
  @NoOffset
  public static final class AudioDeviceList extends Pointer {
    static {
      ensureLoaded();
    }

    public AudioDeviceList(int direction) {
      super((Pointer) null);
      allocate(direction);
    }

    private native void allocate(int direction);

    public native int size();

    @StdString
    public native String id(int index);

    @StdString
    public native String name(int index);

    @StdString
    public native String hostApi(int index);

    @Cast("bool")
    public native boolean isDefault(int index);
  }

  // ------------------------------------------------------------------------------------------
  // Call media

  public static final int CRYPTO_AES_CM_128_HMAC_SHA1_80 = 0;
  public static final int CRYPTO_AEAD_AES_128_GCM = 1;

  public static final int CALL_VIEW_SELF = 0;
  public static final int CALL_VIEW_OTHER = 1;

  /** A fresh SRTP master key as an SDP {@code a=crypto} value (RFC 4568 section 9.1). */
  @Name("parley::newSdesCryptoAttribute")
  @StdString
  public static native String newSdesCryptoAttribute(int tag, int suite);

  /** Name of a statistic index of {@link CallMedia#statistics}, "" for a bad index. */
  @Name("parley::callStatisticName")
  @StdString
  public static native String callStatisticName(int index);

  @Name("parley::kStatCount")
  @MemberGetter
  public static native int callStatisticCount();

  /** {@code parley::CallMediaSettings}: what SDP agreed, and the devices to use. */
  @Name("parley::CallMediaSettings")
  public static final class CallMediaSettings extends Pointer {
    static {
      ensureLoaded();
    }

    public CallMediaSettings() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    @StdString
    public native String bindAddress();

    public native CallMediaSettings bindAddress(@StdString String value);

    public native int minPort();

    public native CallMediaSettings minPort(int value);

    public native int maxPort();

    public native CallMediaSettings maxPort(int value);

    @StdString
    public native String remoteAddress();

    public native CallMediaSettings remoteAddress(@StdString String value);

    public native int remotePort();

    public native CallMediaSettings remotePort(int value);

    @StdString
    public native String cname();

    public native CallMediaSettings cname(@StdString String value);

    @Cast("bool")
    public native boolean audio();

    public native CallMediaSettings audio(boolean value);

    @Cast("bool")
    public native boolean video();

    public native CallMediaSettings video(boolean value);

    @StdString
    public native String localCrypto();

    public native CallMediaSettings localCrypto(@StdString String value);

    @StdString
    public native String remoteCrypto();

    public native CallMediaSettings remoteCrypto(@StdString String value);

    @Cast("bool")
    public native boolean allowPlainRtp();

    public native CallMediaSettings allowPlainRtp(boolean value);

    public native int audioPayloadType();

    public native CallMediaSettings audioPayloadType(int value);

    public native int videoPayloadType();

    public native CallMediaSettings videoPayloadType(int value);

    public native int videoRtxPayloadType();

    public native CallMediaSettings videoRtxPayloadType(int value);

    @Cast("int64_t")
    public native long remoteAudioSsrc();

    public native CallMediaSettings remoteAudioSsrc(long value);

    @Cast("int64_t")
    public native long remoteVideoSsrc();

    public native CallMediaSettings remoteVideoSsrc(long value);

    public native int minBitrateKbps();

    public native CallMediaSettings minBitrateKbps(int value);

    public native int maxBitrateKbps();

    public native CallMediaSettings maxBitrateKbps(int value);

    public native int startBitrateKbps();

    public native CallMediaSettings startBitrateKbps(int value);

    public native int mediaTimeoutMs();

    public native CallMediaSettings mediaTimeoutMs(int value);

    @StdString
    public native String microphone();

    public native CallMediaSettings microphone(@StdString String value);

    @StdString
    public native String speaker();

    public native CallMediaSettings speaker(@StdString String value);

    public native int opusBitrateBps();

    public native CallMediaSettings opusBitrateBps(int value);

    @Cast("bool")
    public native boolean opusDtx();

    public native CallMediaSettings opusDtx(boolean value);

    public native int opusComplexity();

    public native CallMediaSettings opusComplexity(int value);

    @ByRef
    public native VideoSourceConfig camera();

    public native CallMediaSettings camera(VideoSourceConfig value);

    /** API 5: send the peer's own video and audio back (no camera, no microphone). */
    @Cast("bool")
    public native boolean echo();

    public native CallMediaSettings echo(boolean value);
  }

  /**
   * {@code parley::MicrophoneLevelMeter} (API 5): a microphone opened only to measure its level.
   * The constructor throws {@link RuntimeException} with a plain reason when it cannot open it;
   * {@code level()} may be called from any thread while the object lives.
   */
  @Name("parley::MicrophoneLevelMeter")
  @NoOffset
  public static final class MicrophoneLevelMeter extends Pointer {
    static {
      ensureLoaded();
    }

    public MicrophoneLevelMeter(String microphone) {
      super((Pointer) null);
      allocate(microphone);
    }

    private native void allocate(@StdString String microphone);

    /** 0..100, peak-held; 0 once closed. */
    public native int level();

    /**
     * Stops the microphone ({@code parley::MicrophoneLevelMeter::close}); safe twice. Named apart
     * from {@link Pointer#close()}, which frees the native object.
     */
    @Name("close")
    public native void stopMicrophone();
  }

  /**
   * {@code parley::CallMedia}: one call's audio and video over one UDP socket. The constructor
   * binds the socket and throws {@link RuntimeException} with the reason.
   */
  @Name("parley::CallMedia")
  @NoOffset
  public static final class CallMedia extends Pointer {
    static {
      ensureLoaded();
    }

    public CallMedia(CallMediaSettings settings) {
      super((Pointer) null);
      allocate(settings);
    }

    private native void allocate(@Const @ByRef CallMediaSettings settings);

    @Cast("int64_t")
    public native long id();

    public native int localPort();

    @StdString
    public native String localAddress();

    public native void setRemote(@StdString String address, int port);

    public native void start();

    public native void stop();

    public native void startVideoView(int view, @Cast("int64_t") long windowHandle, int mode);

    public native void stopVideoView(int view);

    public native void setPixelBufferSize(int view, int width, int height);

    public native int copyPixels(int view, @Cast("uint8_t*") byte[] bgra, int capacity);

    public native void setMicrophoneMuted(@Cast("bool") boolean muted);

    public native void setSpeakerMuted(@Cast("bool") boolean muted);

    public native void setVideoSending(@Cast("bool") boolean sending);

    /** Fills {@code values} (at least {@link #callStatisticCount()} long); returns the count. */
    public native int statistics(@Cast("int64_t*") long[] values, int capacity);

    /** Before start() only; the a=crypto value of the SDP answer. */
    public native void setRemoteCrypto(@StdString String remoteCrypto);

    /** Before start() only; the answer's a=ssrc values (0: learn from the first packet). */
    public native void setRemoteSsrcs(@Cast("int64_t") long audioSsrc, @Cast("int64_t") long videoSsrc);

    @Cast("int64_t")
    public native long localAudioSsrc();

    @Cast("int64_t")
    public native long localVideoSsrc();

    @Cast("int64_t")
    public native long localVideoRtxSsrc();

    /** Replaces the camera mid-call; a failure to open it is a kEventCaptureError. */
    public native void switchCamera(@Const @ByRef VideoSourceConfig source);
  }

  // -------------------------------------------------------------------------------------------
  // Bench (parley.h: BenchSettings, BenchRun, runRawCodecBench).

  /** {@code parley::BenchSettings}: one field per option of {@code parley bench}. */
  @Name("parley::BenchSettings")
  public static final class BenchSettings extends Pointer {
    static {
      ensureLoaded();
    }

    public BenchSettings() {
      super((Pointer) null);
      allocate();
    }

    private native void allocate();

    public native int width();

    public native BenchSettings width(int value);

    public native int height();

    public native BenchSettings height(int value);

    public native int fps();

    public native BenchSettings fps(int value);

    public native int bitrateKbps();

    public native BenchSettings bitrateKbps(int value);

    public native int startKbps();

    public native BenchSettings startKbps(int value);

    public native int minKbps();

    public native BenchSettings minKbps(int value);

    public native int maxKbps();

    public native BenchSettings maxKbps(int value);

    public native int encoderSpeed();

    public native BenchSettings encoderSpeed(int value);

    public native int encoderThreads();

    public native BenchSettings encoderThreads(int value);

    public native double lossPercent();

    public native BenchSettings lossPercent(double value);

    public native double burstLength();

    public native BenchSettings burstLength(double value);

    public native int delayMs();

    public native BenchSettings delayMs(int value);

    public native int jitterMs();

    public native BenchSettings jitterMs(int value);

    public native double reorderPercent();

    public native BenchSettings reorderPercent(double value);

    public native int capKbps();

    public native BenchSettings capKbps(int value);

    public native double seconds();

    public native BenchSettings seconds(double value);

    public native double warmupSeconds();

    public native BenchSettings warmupSeconds(double value);

    @Cast("int64_t")
    public native long seed();

    public native BenchSettings seed(@Cast("int64_t") long value);

    @Cast("bool")
    public native boolean audio();

    public native BenchSettings audio(boolean value);

    @Cast("bool")
    public native boolean twoWay();

    public native BenchSettings twoWay(boolean value);

    @Cast("bool")
    public native boolean srtp();

    public native BenchSettings srtp(boolean value);

    @Cast("int64_t")
    public native long windowHandle();

    public native BenchSettings windowHandle(@Cast("int64_t") long value);

    public native int freezeThresholdMs();

    public native BenchSettings freezeThresholdMs(int value);

    public native int sampleIntervalMs();

    public native BenchSettings sampleIntervalMs(int value);
  }

  /** {@code parley::BenchRun}: one bench run on its own native thread. */
  @Name("parley::BenchRun")
  @NoOffset
  public static final class BenchRun extends Pointer {
    static {
      ensureLoaded();
    }

    /** Throws {@link RuntimeException} (std::invalid_argument) naming a bad setting. */
    public BenchRun(BenchSettings settings) {
      super((Pointer) null);
      allocate(settings);
    }

    private native void allocate(@Const @ByRef BenchSettings settings);

    public native void start();

    public native void cancel();

    @Cast("bool")
    public native boolean waitFinished(int timeoutMs);

    @StdString
    public native String progressJson();

    @StdString
    public native String resultJson();
  }

  /** libvpx alone on the bench's frames; blocks for settings.seconds. */
  @Name("parley::runRawCodecBench")
  @StdString
  public static native String runRawCodecBench(@Const @ByRef BenchSettings settings);
}
