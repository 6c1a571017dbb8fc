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
#define PARLEY_API_VERSION 5

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
namespace audio {
struct AudioDeviceInfo;
class MicrophoneLevelProbe;
}
namespace api {
class CallMediaHost;
}  // namespace api
namespace bench {
class BenchRunner;
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
  kEventMediaTimeout = 6,        // nothing from the peer for the media timeout (end the call)
  kEventRemoteBye = 7,           // the peer sent RTCP BYE (value: its SSRC as a signed int)
  kEventAudioDeviceLost = 8,     // message: "<device>: <reason>"; the call goes on on the default
  kEventAudioDeviceSwitched = 9, // message: "<from> -> <to>"
  kEventAudioDeviceError = 10,   // message: why a microphone/speaker could not be used
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

// ---------------------------------------------------------------------------
// Audio devices.

enum AudioDirectionCode {
  kAudioDirectionInput = 0,   // microphones
  kAudioDirectionOutput = 1,  // speakers
};

// The sound devices of one direction when the list was made (a snapshot). The
// first entry is always the "default" pseudo-device (follows the system's
// default), so the list is never empty; on a machine without sound devices it
// is the only entry, and a call that opens it reports kEventAudioDeviceError.
class AudioDeviceList {
 public:
  explicit AudioDeviceList(int direction);  // throws std::invalid_argument for a bad code
  ~AudioDeviceList();
  AudioDeviceList(const AudioDeviceList&) = delete;
  AudioDeviceList& operator=(const AudioDeviceList&) = delete;

  int size() const;
  std::string id(int index) const;       // what CallMediaSettings::microphone/speaker take
  std::string name(int index) const;     // human-readable
  std::string hostApi(int index) const;  // ALSA, JACK, WASAPI, Core Audio, ...
  bool isDefault(int index) const;       // the system default of its direction

 private:
  std::unique_ptr<std::vector<audio::AudioDeviceInfo>> devices_;
};

// Level of one microphone while nothing else records it: for a settings
// page's meter. Opens the microphone at once and measures every frame it
// delivers on the device's thread; level() may be called from any thread.
class MicrophoneLevelMeter {
 public:
  // `microphone`: an id from AudioDeviceList, "default", or a stand-in
  // ("tone:<hz>", "voice:<pitch hz>", "wav:<path>"). Throws
  // std::runtime_error with a plain reason when it cannot be opened.
  explicit MicrophoneLevelMeter(const std::string& microphone);
  ~MicrophoneLevelMeter();  // closes
  MicrophoneLevelMeter(const MicrophoneLevelMeter&) = delete;
  MicrophoneLevelMeter& operator=(const MicrophoneLevelMeter&) = delete;

  // 0..100: the RMS level in dBFS mapped linearly from -60..0 dB, held at its
  // peak and decaying by 20 dB/s; 0 once closed or after the device was lost.
  int level() const;
  // Stops the microphone; safe to call twice.
  void close();

 private:
  std::unique_ptr<audio::MicrophoneLevelProbe> impl_;
};

// ---------------------------------------------------------------------------
// Call media: one call's audio and video over one UDP socket (RTP/RTCP mux,
// SRTP, RTCP feedback, retransmission, rate control, lip sync).

enum CryptoSuiteCode {
  kCryptoAesCm128HmacSha1_80 = 0,  // RFC 4568
  kCryptoAeadAes128Gcm = 1,        // RFC 7714
};

// A fresh random SRTP master key as the value of an SDP a=crypto attribute
// (RFC 4568 section 9.1): "<tag> <suite> inline:<base64 key||salt>". Throws
// std::invalid_argument for a bad suite or tag.
std::string newSdesCryptoAttribute(int tag, int suite);

// What the two sides agreed in SDP, and the devices to use.
struct CallMediaSettings {
  std::string bindAddress = "0.0.0.0";  // "::" for IPv6
  int minPort = 0;                       // local port range; 0/0: any port
  int maxPort = 0;
  std::string remoteAddress;             // the peer's media address (may be set later)
  int remotePort = 0;
  std::string cname = "parley";
  bool audio = true;
  bool video = true;
  // SRTP: the a=crypto values we sent and the peer sent (newSdesCryptoAttribute).
  std::string localCrypto;
  std::string remoteCrypto;
  // Plain RTP, only when both sides asked for it (no crypto lines at all).
  bool allowPlainRtp = false;
  int audioPayloadType = 111;
  int videoPayloadType = 96;
  int videoRtxPayloadType = 97;  // 0: retransmit without RTX
  int64_t remoteAudioSsrc = 0;   // 0: learnt from the first authenticated packet
  int64_t remoteVideoSsrc = 0;
  int minBitrateKbps = 50;       // rate control floor and ceiling
  int maxBitrateKbps = 2000;
  int startBitrateKbps = 800;
  int mediaTimeoutMs = 10000;
  // Audio devices: an id from AudioDeviceList, "default", or a stand-in:
  // "tone:<hz>", "voice:<pitch hz>" (speech-like) or "wav:<path>" for the
  // microphone, "null" or "wav:<path>" for the speaker.
  std::string microphone = "default";
  std::string speaker = "default";
  int opusBitrateBps = 32000;
  bool opusDtx = false;
  int opusComplexity = 9;
  VideoSourceConfig camera;
  // Echo mode (API 5), for an echo-test peer: no camera and no microphone
  // are opened (camera and microphone are ignored); every picture decoded
  // from the peer is sent back as our own video (re-encoded, captured "now"),
  // and the peer's audio, as the speaker side plays it (paced in real time
  // even with speaker "null"; a speaker that cannot be opened is replaced by
  // "null"), is sent back as our microphone. Both views still draw: the
  // other view the peer's video, the self view what we send back.
  bool echo = false;
};

enum CallVideoView {
  kCallViewSelf = 0,   // our camera
  kCallViewOther = 1,  // the peer's video
};

// Indices of CallMedia::statistics(). Counters are since start(). The RTT is
// -1 before the first report; the lip-sync offset (how much later video is
// shown than its audio) is INT64_MIN before both streams have played.
enum CallStatistic {
  kStatRttMs = 0,
  kStatTargetBitrateBps,
  kStatAudioTargetBps,
  kStatVideoTargetBps,
  kStatRembReceivedBps,
  kStatReceiveEstimateBps,
  kStatAudioPacketsSent,
  kStatAudioBytesSent,
  kStatAudioPacketsReceived,
  kStatAudioBytesReceived,
  kStatAudioPacketsLost,
  kStatAudioJitterMs,
  kStatVideoPacketsSent,
  kStatVideoBytesSent,
  kStatVideoPacketsReceived,
  kStatVideoBytesReceived,
  kStatVideoPacketsLost,
  kStatVideoJitterMs,
  kStatRetransmissionsSent,
  kStatRetransmissionsReceived,
  kStatNacksSent,
  kStatNacksReceived,
  kStatPlisSent,
  kStatPlisReceived,
  kStatFramesEncoded,
  kStatFramesDecoded,
  kStatFramesRendered,
  kStatKeyframesEncoded,
  kStatVideoDelayMs,
  kStatAudioDelayMs,
  kStatAudioTargetDelayMs,
  kStatAudioPlayedMs,
  kStatAudioConcealedMs,
  kStatAudioFecRecoveredMs,
  kStatAudioLatePackets,
  kStatAudioDiscardedPackets,
  kStatInputLevel,
  kStatOutputLevel,
  kStatMicrophoneMuted,
  kStatSpeakerMuted,
  kStatSrtpAuthFailures,
  kStatSrtpReplays,
  kStatMalformedPackets,
  kStatPacerQueueDelayMs,
  kStatLipSyncOffsetMs,
  kStatLipSyncVideoDelayMs,
  kStatMediaTimedOut,
  kStatCount
};

// The name of a statistic ("rttMs", ...), "" for a bad index: lets the Java
// side check its copy of the indices.
std::string callStatisticName(int index);

// Events carry id(). Methods from any one thread at a time.
class CallMedia {
 public:
  // Binds the UDP socket (so localPort() can go into the SDP). Throws
  // std::runtime_error with the reason (bad address, no free port).
  explicit CallMedia(const CallMediaSettings& settings);
  ~CallMedia();
  CallMedia(const CallMedia&) = delete;
  CallMedia& operator=(const CallMedia&) = delete;

  int64_t id() const;
  int localPort() const;
  std::string localAddress() const;  // as bound, e.g. "0.0.0.0:40000"

  // The peer's media address when it is known only after construction.
  void setRemote(const std::string& address, int port);  // throws std::invalid_argument
  // Starts the streams, devices and session. Throws std::runtime_error (bad or
  // missing keys, no remote address); a device that cannot be opened raises
  // kEventAudioDeviceError or kEventCaptureError and the call goes on.
  void start();
  // Stops everything and sends RTCP BYE; safe to call twice.
  void stop();

  // Draws a view into a window (handle from windowHandleOf, see its
  // preconditions) or, with handle 0, into a pixel buffer read with
  // copyPixels(). Throws std::runtime_error when the window cannot be used.
  void startVideoView(int view, int64_t windowHandle, int renderMode);
  void stopVideoView(int view);
  void setPixelBufferSize(int view, int width, int height);
  // As VideoPreview::copyPixels.
  int copyPixels(int view, uint8_t* bgra, int capacity);

  void setMicrophoneMuted(bool muted);
  void setSpeakerMuted(bool muted);
  void setVideoSending(bool sending);

  // What the SDP answer settles after construction: the offerer binds its
  // socket (localPort() goes into the offer) before it has the answer. Before
  // start() only: throws std::logic_error once started, std::invalid_argument
  // for a malformed crypto value (the same checks as in the constructor).
  void setRemoteCrypto(const std::string& remoteCrypto);
  void setRemoteSsrcs(int64_t audioSsrc, int64_t videoSsrc);

  // Our SSRCs, chosen at construction so they can go into the SDP (a=ssrc,
  // a=ssrc-group:FID); 0 for a medium the settings turned off or, for RTX,
  // when videoRtxPayloadType is 0.
  int64_t localAudioSsrc() const;
  int64_t localVideoSsrc() const;
  int64_t localVideoRtxSsrc() const;

  // Switches the call's camera (another device, size or frame rate) while the
  // call goes on; before start() it only replaces the configured source. The
  // encoder follows the new size and the next frame is a keyframe. When the
  // new source cannot be opened, kEventCaptureError is raised and the call
  // goes on without video from us (switch again to recover). Throws
  // std::invalid_argument for a malformed config (bad size or rate).
  void switchCamera(const VideoSourceConfig& source);

  // Fills values[0..kStatCount) (see CallStatistic); returns the number
  // written or kErrorBufferTooSmall. Cheap: one snapshot under short locks.
  int statistics(int64_t* values, int capacity) const;

 private:
  std::unique_ptr<api::CallMediaHost> impl_;
};

// ---------------------------------------------------------------------------
// Bench: the real send and receive paths of two calls in this process over
// the simulated network (test-pattern camera -> VP8 -> RTP -> SRTP ->
// simulated network -> jitter buffer -> decoder -> renderer; tone -> Opus ->
// ... -> null speaker), measured from the test-pattern stamps.

struct BenchSettings {
  int width = 1280;
  int height = 720;
  int fps = 30;
  int bitrateKbps = 0;        // fixed video bitrate; 0: rate control (min..max, from start)
  int startKbps = 1500;       // rate control start (audio + video)
  int minKbps = 100;
  int maxKbps = 2500;
  int encoderSpeed = -6;      // libvpx VP8E_SET_CPUUSED
  int encoderThreads = 1;
  double lossPercent = 0;     // mean packet loss, each direction
  double burstLength = 1;     // mean loss burst in packets (Gilbert-Elliott); 1: independent
  int delayMs = 0;            // one-way base delay
  int jitterMs = 0;           // extra delay, uniform in [0, jitterMs]
  double reorderPercent = 0;  // share of packets that may overtake (jitter reorders them)
  int capKbps = 0;            // bottleneck rate each direction; 0: none
  double seconds = 10;        // real time the media runs
  double warmupSeconds = 2;   // left out of the windowed figures
  int64_t seed = 1;
  bool audio = true;
  bool twoWay = false;        // the far side sends video (and audio) back
  bool srtp = true;
  int64_t windowHandle = 0;   // draw the received video here (windowHandleOf); 0: pixel buffer
  int freezeThresholdMs = 150;  // a render gap over this, or over three frame intervals, is frozen
  int sampleIntervalMs = 250;   // timeline resolution
};

// One bench run on its own thread. Methods from any one thread at a time.
class BenchRun {
 public:
  // Checks the settings; throws std::invalid_argument naming the bad one.
  explicit BenchRun(const BenchSettings& settings);
  ~BenchRun();  // cancels and joins
  BenchRun(const BenchRun&) = delete;
  BenchRun& operator=(const BenchRun&) = delete;

  // Starts the run in the background; throws std::logic_error when called twice.
  void start();
  // Ends the run early (Ctrl-C); the result covers what ran. Any thread.
  void cancel();
  // Waits up to timeoutMs for the run to end; true when it has.
  bool waitFinished(int timeoutMs);
  // One line of JSON with the figures so far: {"elapsedSeconds":..,
  // "framesRendered":..,"latencyP50Ms":..,"bitrateKbps":..} (cheap; for a
  // progress line).
  std::string progressJson() const;
  // The whole result as JSON once finished ("" before): the fields listed in
  // docs/bench.md, with "timeline" samples every sampleIntervalMs.
  std::string resultJson() const;

 private:
  std::unique_ptr<bench::BenchRunner> impl_;
};

// libvpx encode + decode alone on the same test-pattern frames, paced at the
// frame rate as a call runs, for settings.seconds; blocks. Returns JSON with
// the encode/decode p50/p95 and the CPU seconds per second of media (see
// docs/bench.md). Throws std::invalid_argument for bad settings.
std::string runRawCodecBench(const BenchSettings& settings);

}  // namespace parley

#endif  // PARLEY_PARLEY_H
