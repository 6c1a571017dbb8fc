// Parley media core: the public facade.
//
// This header is the only part of the native core that JavaCPP binds (see
// media-jni/src/main/java/org/parley/media/jni/ParleyCore.java). Everything
// behind it lives in native/src/<area>/ and may change freely; what is here is
// a contract with the Java side, versioned by PARLEY_API_VERSION.
//
// Threading: unless a method says otherwise, one object is used by one thread
// at a time; different objects may be used from different threads.
// Errors: constructors throw std::runtime_error (JavaCPP turns it into a Java
// RuntimeException with the same message); methods return negative codes.
#ifndef PARLEY_PARLEY_H
#define PARLEY_PARLEY_H

#include <jni.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// The facade's contract version. Bump it whenever a declaration in this header
// changes; the Java binding carries the same number and refuses to run against
// a core built from a different one (see NativeLibrary.java).
#define PARLEY_API_VERSION 3

namespace parley {

namespace codec {
class Vp8Encoder;
class Vp8Decoder;
class OpusEncoder;
class OpusDecoder;
}  // namespace codec
namespace capture {
struct CameraInfo;
}
namespace pipeline {
class VideoPreviewPipeline;
}

// Facade version the core library was compiled with (PARLEY_API_VERSION at
// the time the core was built, which may differ from the header a caller was
// compiled with: that difference is what the load-time check detects).
int apiVersion();

// Version strings as the loaded libraries report them at run time. The
// returned pointers stay valid for the life of the process.
const char* coreVersion();
const char* vpxVersion();
const char* opusVersion();
const char* opencvVersion();
// libsrtp's version, after initialising it (which runs its cipher self-tests
// through the crypto library it was built with); a failed initialisation is
// reported in the string: "libsrtp2 2.5.0 (init failed: <reason>)".
const char* srtpVersion();
// PortAudio's version text, for example "PortAudio V19.6.0-devel, revision ...".
const char* portAudioVersion();

// Result codes shared by the codec wrappers.
enum ResultCode {
  kOk = 0,
  kErrorInvalidArgument = -1,
  kErrorBufferTooSmall = -2,
  kErrorCodec = -3,
  kErrorCorruptFrame = -4,
};

// Settings of a VP8 encoder. Defaults are the low-latency realtime settings
// Parley uses in calls: a fixed negative speed (libvpx's realtime budget mode
// would otherwise spend most of the frame interval encoding), one thread,
// error-resilient mode so a lost reference does not break later frames.
struct Vp8EncoderConfig {
  int width = 640;
  int height = 480;
  int fps = 30;
  int bitrateKbps = 800;
  int speed = -6;              // libvpx VP8E_SET_CPUUSED; negative = fixed speed
  int threads = 1;
  int keyframeInterval = 3000;  // frames between forced keyframes (max)
  bool errorResilient = true;
};

// VP8 encoder (libvpx, realtime deadline). Input is a tightly packed I420
// frame of config.width x config.height (Y plane, then U, then V).
class Vp8Encoder {
 public:
  explicit Vp8Encoder(const Vp8EncoderConfig& config);
  ~Vp8Encoder();
  Vp8Encoder(const Vp8Encoder&) = delete;
  Vp8Encoder& operator=(const Vp8Encoder&) = delete;

  // Encodes one frame. Writes the compressed frame to `out` and returns its
  // size in bytes, 0 if the encoder dropped the frame, or a negative
  // ResultCode. `ptsMs` is the capture time in milliseconds.
  int encode(const uint8_t* i420, int i420Size, int64_t ptsMs, bool forceKeyframe, uint8_t* out,
             int outCapacity);
  // True if the last frame encode() returned was a keyframe.
  bool lastFrameKeyframe() const;
  // Changes the target bitrate and frame rate mid-stream; returns a ResultCode.
  int setRates(int bitrateKbps, int fps);

 private:
  std::unique_ptr<codec::Vp8Encoder> impl_;
};

// VP8 decoder (libvpx). After decode() returns 1, the picture is available
// through width(), height() and copyI420() until the next decode() call.
class Vp8Decoder {
 public:
  explicit Vp8Decoder(int threads);
  ~Vp8Decoder();
  Vp8Decoder(const Vp8Decoder&) = delete;
  Vp8Decoder& operator=(const Vp8Decoder&) = delete;

  // Returns 1 if a picture was produced, 0 if none, or a negative ResultCode
  // (kErrorCorruptFrame: the caller should request a keyframe).
  int decode(const uint8_t* data, int size);
  int width() const;
  int height() const;
  // Copies the last picture as packed I420; returns the bytes written or a
  // negative ResultCode.
  int copyI420(uint8_t* out, int outCapacity) const;

 private:
  std::unique_ptr<codec::Vp8Decoder> impl_;
};

// Opus encoder (libopus, VoIP application). Input is interleaved 16-bit PCM.
class OpusAudioEncoder {
 public:
  OpusAudioEncoder(int sampleRate, int channels, int bitrateBps);
  ~OpusAudioEncoder();
  OpusAudioEncoder(const OpusAudioEncoder&) = delete;
  OpusAudioEncoder& operator=(const OpusAudioEncoder&) = delete;

  // Encodes one frame of `samplesPerChannel` samples (2.5 to 60 ms); returns
  // the packet size or a negative ResultCode.
  int encode(const int16_t* pcm, int samplesPerChannel, uint8_t* out, int outCapacity);

 private:
  std::unique_ptr<codec::OpusEncoder> impl_;
};

// Opus decoder (libopus). decode() with size 0 conceals one lost frame of
// `maxSamplesPerChannel` samples.
class OpusAudioDecoder {
 public:
  OpusAudioDecoder(int sampleRate, int channels);
  ~OpusAudioDecoder();
  OpusAudioDecoder(const OpusAudioDecoder&) = delete;
  OpusAudioDecoder& operator=(const OpusAudioDecoder&) = delete;

  // Returns decoded samples per channel or a negative ResultCode.
  int decode(const uint8_t* data, int size, int16_t* pcm, int maxSamplesPerChannel);

 private:
  std::unique_ptr<codec::OpusDecoder> impl_;
};

// ---------------------------------------------------------------------------
// Events. Native threads (capture, render, network) post events to one
// process-wide queue; the SDK's event thread takes them with waitEvent(), so no
// native thread ever calls into the JVM.

enum EventType {
  kEventFirstFrameRendered = 1,  // width, height: first picture drawn
  kEventVideoSizeChanged = 2,    // width, height: the drawn picture's new size
  kEventCaptureStarted = 3,      // width, height, value (fps): what the source delivers
  kEventCaptureError = 4,        // message: the source failed (camera unplugged, ...)
  kEventRenderError = 5,         // message: the window went away, ...
};

struct Event {
  int type = 0;
  int64_t objectId = 0;  // id() of the object that raised it
  int width = 0;
  int height = 0;
  int value = 0;
  std::string message;
};

// Waits up to timeoutMs for the next event. Returns false on timeout or after
// interruptEventWait(). Any thread; meant for one SDK event thread.
bool waitEvent(Event& event, int timeoutMs);
// Makes current and future waitEvent() calls return false at once until
// resumeEventWait() (used to stop the SDK's event thread).
void interruptEventWait();
void resumeEventWait();

// ---------------------------------------------------------------------------
// Cameras and video sources.

// The cameras present when the list was made (a snapshot: make a new one to
// see devices that came or went). Names are the OS's (V4L2 card names on Linux).
class CameraList {
 public:
  CameraList();
  ~CameraList();
  CameraList(const CameraList&) = delete;
  CameraList& operator=(const CameraList&) = delete;

  int size() const;
  int id(int index) const;             // what VideoSourceConfig::cameraId takes
  std::string name(int index) const;   // human-readable name
  std::string path(int index) const;   // OS device path, e.g. /dev/video0; may be empty

 private:
  std::unique_ptr<std::vector<capture::CameraInfo>> cameras_;
};

enum SourceKind {
  kSourceCamera = 0,
  kSourceTestPattern = 1,  // moving picture stamped with frame number and capture time
  kSourceFile = 2,         // MJPEG .avi or .y4m, looped
};

struct VideoSourceConfig {
  int kind = kSourceTestPattern;
  int cameraId = 0;
  std::string filePath;
  int width = 640;
  int height = 480;
  int fps = 30;
};

// ---------------------------------------------------------------------------
// Rendering.

enum RenderModeCode {
  kRenderFullContent = 0,  // whole picture, letterboxed
  kRenderFullScreen = 1,   // fill the window, cropping
  kRenderAuto = 2,         // crop when little is lost, else letterbox
};

// The native window id of a heavyweight AWT component (X11 drawable, HWND).
// Preconditions: the component is displayable (its window is showing), the JVM
// has loaded libjawt, and the caller is the AWT event thread. Throws
// std::runtime_error with the reason when there is no native window (macOS,
// headless): render into a pixel buffer instead. The id changes after
// removeNotify/addNotify. `caller` is the calling Java class (JavaCPP passes
// it with the environment) and is not used.
int64_t windowHandleOf(JNIEnv* env, jclass caller, jobject component);

// Local preview: a video source drawn into a native window, or into a pixel
// buffer the Java side copies out and paints. Events carry id().
// Methods may be called from any one thread at a time.
class VideoPreview {
 public:
  VideoPreview();
  ~VideoPreview();
  VideoPreview(const VideoPreview&) = delete;
  VideoPreview& operator=(const VideoPreview&) = delete;

  int64_t id() const;
  // Starts the source and draws into windowHandle (from windowHandleOf), or
  // into the pixel buffer when windowHandle is 0. Throws std::runtime_error
  // when the source cannot be opened or the window cannot be used; a source
  // that fails later raises kEventCaptureError instead.
  void start(const VideoSourceConfig& source, int64_t windowHandle, int renderMode);
  // Replaces the running source without touching the renderer.
  void switchSource(const VideoSourceConfig& source);
  void setRenderMode(int renderMode);
  // Pixel-buffer previews: the size the Java component paints (device pixels).
  void setPixelBufferSize(int width, int height);
  // Copies the latest BGRA picture (width*height*4 bytes); returns bytes
  // copied, 0 when nothing new since the last copy, negative on error.
  int copyPixels(uint8_t* bgra, int capacity);
  int64_t framesCaptured() const;
  int64_t framesRendered() const;
  // Stops capture and rendering; safe to call twice. The window is no longer
  // touched once it returns (the Java side may then dispose the Canvas).
  void stop();

 private:
  std::unique_ptr<pipeline::VideoPreviewPipeline> impl_;
};

// ---------------------------------------------------------------------------
// Test-pattern stamps, for tests that check what a window shows.

struct TestPatternStamp {
  bool valid = false;
  int64_t sequence = 0;       // frame number at the source
  int64_t captureTimeMs = 0;  // capture time on the source's clock (ms)
};

// Reads the stamp the test-pattern source writes into every frame from a
// BGRA picture (e.g. a screenshot of a window showing the pattern, drawn
// full-content at any scale). `valid` is false when no intact stamp is found.
TestPatternStamp readTestPatternStamp(const uint8_t* bgra, int width, int height, int strideBytes);

}  // namespace parley

#endif  // PARLEY_PARLEY_H
